package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.cluster.sharding.ShardRegion;
import akka.cluster.sharding.typed.GetShardRegionState;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.application.sharding.EntityKeys;
import io.switchboard.application.sharding.WarmUpEntities;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.VoiceEntity;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The warm-up a node runs before it reports ready: every channel's webhook through the node's own routes and
 * credentials to entities of the warm-up's own, answered 200, and nothing left behind (no call, no served entity, no
 * metric count).
 */
class WarmUpTest {
    private static final String ADMIN_USER = "operator";
    private static final String ADMIN_PASSWORD = "warm-up-admin";
    /** A rate no node reaches: such a warm-up runs for its whole duration. */
    private static final int UNREACHABLE_RATE = Integer.MAX_VALUE;

    private static RunningService service;

    @BeforeAll
    static void startWithWarmUpAndBasicAuth() throws Exception {
        service = RunningService.start("""
                switchboard.warm-up.max-duration = 500ms
                switchboard.http.webhook-user = "bandwidth"
                switchboard.http.webhook-password = "warm-up-secret"
                switchboard.admin.user = "%s"
                switchboard.admin.password = "%s"
                """.formatted(ADMIN_USER, ADMIN_PASSWORD));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    void everyChannelsWebhookIsAnsweredThroughTheNodesRoutesWithItsCredentials() throws Exception {
        WarmUp.Result warmed = warmUpThroughItsEntities()
                .run(Duration.ofMillis(300), UNREACHABLE_RATE)
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);

        assertEquals(13, WarmUp.CHANNELS.size(), "the contract's channels: " + WarmUp.CHANNELS);
        assertTrue(warmed.webhooks() >= WarmUp.CHANNELS.size(), "one round at least: " + warmed);
        assertEquals(warmed.webhooks(), warmed.answered(), "every warm-up webhook answered 200: " + warmed);
    }

    /** The whole path a webhook takes: the warm-up's calls reach entities of their own type, none of the served. */
    @Test
    void theWarmUpsCallsReachEntitiesOfTheirOwn() throws Exception {
        warmUpThroughItsEntities()
                .run(Duration.ofMillis(300), UNREACHABLE_RATE)
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);

        assertTrue(
                entityIds(EntityKeys.WARM_UP_CALL).stream().anyMatch(id -> id.contains("switchboard-warm-up")),
                "warm-up calls: " + entityIds(EntityKeys.WARM_UP_CALL));
        assertTrue(
                entityIds(EntityKeys.CALL).stream().noneMatch(id -> id.contains("warm-up")),
                "served calls: " + entityIds(EntityKeys.CALL));
    }

    /** A node that answers the warm-up at the rate sought is warm: the warm-up is over then, not at its maximum. */
    @Test
    void theWarmUpIsOverOnceTheNodeAnswersAtTheRateSought() throws Exception {
        Duration maximum = Duration.ofSeconds(20);

        WarmUp.Result warmed =
                warmUpThroughItsEntities().run(maximum, 1).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertTrue(warmed.took().compareTo(maximum) < 0, "over before its maximum: " + warmed);
        assertTrue(warmed.webhooks() >= WarmUp.CHANNELS.size(), "one round at least: " + warmed);
    }

    /**
     * The warm-up waits for the node to be a member of its cluster; a start that fails meanwhile (here its webhook
     * port is taken, and the seed node it would join does not exist) fails at once rather than wait for it.
     */
    @Test
    void aStartThatFailsIsNotHeldBackByAWarmUpWaitingForItsCluster() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var config = RunningService.config("""
                    switchboard.http.port = %d
                    akka.cluster.seed-nodes = ["akka://switchboard@127.0.0.1:1"]
                    """.formatted(taken.getLocalPort()));

            ExecutionException failed = assertThrows(
                    ExecutionException.class,
                    () -> SwitchboardService.startDemo(config)
                            .toCompletableFuture()
                            .get(30, TimeUnit.SECONDS));

            assertTrue(
                    failed.getCause().toString().contains("Bind"),
                    failed.getCause().toString());
        }
    }

    private static WarmUp warmUpThroughItsEntities() {
        var config = RunningService.config("""
                switchboard.http.webhook-user = "bandwidth"
                switchboard.http.webhook-password = "warm-up-secret"
                """);
        SwitchboardSettings settings = SwitchboardSettings.from(config);
        return new WarmUp(
                service.system(),
                SwitchboardService.httpSettings(config.getConfig("switchboard.http")),
                settings.entity().fallback(),
                WarmUpEntities.start(service.system(), settings, true));
    }

    /** The ids of the entities of {@code type} on the node. */
    private static Set<String> entityIds(EntityTypeKey<VoiceEntity.Command> type) {
        TestProbe<ShardRegion.CurrentShardRegionState> probe = TestProbe.create(service.system());
        ClusterSharding.get(service.system()).shardState().tell(new GetShardRegionState(type, probe.getRef()));
        return probe.receiveMessage().getShards().stream()
                .flatMap(shard -> shard.getEntityIds().stream())
                .collect(Collectors.toSet());
    }

    @Test
    void eachRoundSendsNewCallsAndConferencesAndEachWebhookTwice() throws Exception {
        var config = RunningService.config("");
        List<VoiceEvent> handled = new CopyOnWriteArrayList<>();
        WarmUp warmUp = new WarmUp(
                service.system(),
                SwitchboardService.httpSettings(config.getConfig("switchboard.http")),
                SwitchboardSettings.from(config).entity().fallback(),
                event -> {
                    handled.add(event);
                    return CompletableFuture.completedFuture(new EventReply(null, ReplyOrigin.FLOW));
                });

        WarmUp.Result warmed = warmUp.run(Duration.ofMillis(300), UNREACHABLE_RATE)
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);

        int perRound = 2 * WarmUp.CHANNELS.size();
        assertTrue(warmed.webhooks() >= 2 * perRound, "two rounds at least: " + warmed);
        // The round under way when the time was up still ends (its webhooks were sent), after the result.
        TestProbe.create(service.system()).awaitAssert(Duration.ofSeconds(10), () -> {
            Map<String, Long> sentPerEntity = handled.stream()
                    .collect(Collectors.groupingBy(
                            event -> event.eventType() + " " + event.entityId(), Collectors.counting()));
            assertEquals(0, handled.size() % perRound, "whole rounds: " + handled.size());
            assertEquals(handled.size() / 2, sentPerEntity.size(), "a new call or conference each round");
            assertTrue(
                    sentPerEntity.values().stream().allMatch(times -> times == 2), "and each event redelivered once");
            return null;
        });
        assertTrue(handled.size() >= warmed.webhooks(), handled.size() + " handled, " + warmed);
        assertTrue(handled.size() - warmed.webhooks() <= perRound, "at most one round after the result: " + warmed);
    }

    @Test
    void theWarmUpLeavesNoCallNoEntityAndNoMetricCount() throws Exception {
        HttpResponse<String> calls = service.get(service.uri("/admin/calls"), ADMIN_USER, ADMIN_PASSWORD);
        assertEquals(200, calls.statusCode(), calls.body());
        assertFalse(calls.body().contains("warm-up"), calls.body());
        HttpResponse<String> warmUpCall =
                service.get(service.uri("/admin/calls/c-switchboard-warm-up"), ADMIN_USER, ADMIN_PASSWORD);
        assertEquals(404, warmUpCall.statusCode(), warmUpCall.body());

        String metrics = service.get(service.managementUri("/metrics")).body();
        assertFalse(metrics.contains("switchboard_webhooks_total{"), metrics);
        assertFalse(metrics.contains("switchboard_webhook_reply_seconds_count{"), metrics);
        assertFalse(
                metrics.matches("(?s).*switchboard_entities_active\\{type=\"(call|conference)\"} [1-9].*"), metrics);
    }

    @Test
    void newConnectionsToTheWebhookPortAreMadeAndAnsweredWithoutCredentialsUntilTheCountIsMade() throws Exception {
        // The port as the server reports it when it listens on every interface: the warm-up goes to loopback.
        InetSocketAddress everyInterface =
                new InetSocketAddress("0.0.0.0", service.uri("/").getPort());

        ConnectionWarmUp.Result warmed = new ConnectionWarmUp(everyInterface, 300, 3, Duration.ofSeconds(5))
                .run()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);

        assertEquals(300, warmed.connections(), warmed.toString());
        assertEquals(300, warmed.answered(), "each answered 200 on /health/live: " + warmed);
    }

    @Test
    void aPortNobodyListensOnEndsTheConnectionsWarmUpAtItsFirstConnections() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        ConnectionWarmUp.Result warmed = new ConnectionWarmUp(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort),
                        1000,
                        2,
                        Duration.ofSeconds(5))
                .run()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);

        assertEquals(2, warmed.connections(), "one refused connection on each line: " + warmed);
        assertEquals(0, warmed.answered(), warmed.toString());
    }
}
