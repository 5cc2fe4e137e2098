package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.application.SwitchboardSettings;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The warm-up a node runs before it reports ready: every channel's webhook through the node's own routes and
 * credentials, answered 200, and nothing left behind (no call, no entity, no metric count).
 */
class WarmUpTest {
    private static final String ADMIN_USER = "operator";
    private static final String ADMIN_PASSWORD = "warm-up-admin";
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
        var config = RunningService.config("""
                switchboard.http.webhook-user = "bandwidth"
                switchboard.http.webhook-password = "warm-up-secret"
                """);
        WarmUp warmUp = new WarmUp(
                service.system(),
                SwitchboardService.httpSettings(config.getConfig("switchboard.http")),
                SwitchboardSettings.from(config).entity().fallback());

        WarmUp.Result warmed =
                warmUp.run(Duration.ofMillis(200)).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertEquals(13, WarmUp.CHANNELS.size(), "the contract's channels: " + WarmUp.CHANNELS);
        assertTrue(warmed.webhooks() >= WarmUp.CHANNELS.size(), "one round at least: " + warmed);
        assertEquals(warmed.webhooks(), warmed.answered(), "every warm-up webhook answered 200: " + warmed);
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

        WarmUp.Result warmed =
                warmUp.run(Duration.ofMillis(300)).toCompletableFuture().get(30, TimeUnit.SECONDS);

        int perRound = 2 * WarmUp.CHANNELS.size();
        assertTrue(warmed.webhooks() >= 2 * perRound, "two rounds at least: " + warmed);
        assertEquals(warmed.webhooks(), handled.size());
        Map<String, Long> sentPerEntity = handled.stream()
                .collect(Collectors.groupingBy(
                        event -> event.eventType() + " " + event.entityId(), Collectors.counting()));
        assertEquals(warmed.webhooks() / 2, sentPerEntity.size(), "a new call or conference each round");
        assertTrue(sentPerEntity.values().stream().allMatch(times -> times == 2), "and each event redelivered once");
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
}
