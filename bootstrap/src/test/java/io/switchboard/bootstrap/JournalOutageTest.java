package io.switchboard.bootstrap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's H2 store closed under the running service, as H2 closes it after an error inside it (an
 * OutOfMemoryError), and its file locked by another process: the webhooks get 503 with Retry-After rather than
 * BXML for events nobody kept, the node says it is not ready, and once the file can be opened again (the next
 * connections reopen it) the same retried webhook is answered and the node is ready again, without a restart.
 */
class JournalOutageTest {
    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void anH2StoreClosedUnderTheServiceIsReportedNotReadyThenReopened() throws Exception {
        String config = """
                switchboard.durability.mode = journal
                switchboard.durability.data-dir = "%s"
                switchboard.durability.outage.probe-interval = 300ms
                """.formatted(dataDir.toString().replace("\\", "/"));
        try (RunningService service = RunningService.start(config)) {
            // A cold node on a busy machine may miss the first reply's deadline (a 503 in journal mode): retried.
            String initiate = event("initiate", 1, "");
            await().atMost(RECOVERY_DEADLINE)
                    .until(() -> service.post("/voice/initiate", initiate).statusCode() == 200);

            JournalStore store = JournalStore.from(RunningService.config(config));
            FileLock lock = closeAndLock(store, dataDir.resolve("switchboard.mv.db"));

            String gather = event("gather", 2, ", \"digits\": \"2\"");
            HttpResponse<String> unstored = service.post("/voice/gather", gather);
            assertEquals(503, unstored.statusCode(), unstored.body());
            assertTrue(
                    unstored.headers().firstValue("Retry-After").isPresent(),
                    unstored.headers().toString());
            assertEquals(
                    "application/problem+json",
                    unstored.headers().firstValue("Content-Type").orElse(""));
            assertEquals(503, service.get(service.uri("/health/ready")).statusCode());
            assertEquals(500, service.get(service.managementUri("/ready")).statusCode(), "Akka Management's failure");
            assertEquals(200, service.get(service.uri("/health/live")).statusCode(), "not for long enough to restart");
            assertTrue(metrics(service).contains("switchboard_journal_storing 0.0"), metrics(service));

            // The lock goes, as the other process ends: Bandwidth's retry is answered once the file reopens.
            lock.release();
            lock.channel().close();
            await().atMost(RECOVERY_DEADLINE)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> service.post("/voice/gather", gather).statusCode() == 200);
            assertEquals(200, service.get(service.uri("/health/ready")).statusCode());
            assertEquals(200, service.get(service.managementUri("/ready")).statusCode());
            String recovered = metrics(service);
            assertTrue(recovered.contains("switchboard_journal_storing 1.0"), recovered);
            assertTrue(recovered.contains("switchboard_journal_outages_total 1.0"), recovered);
        }
    }

    /**
     * What H2 does to itself after an internal error (the database closes under every open connection), and then
     * another process taking the file, so that it cannot simply be opened again until that process lets go.
     */
    private static FileLock closeAndLock(JournalStore store, Path file) throws Exception {
        try (Connection connection = DriverManager.getConnection(store.url(), store.user(), store.password());
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN IMMEDIATELY");
        }
        return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
                .lock();
    }

    private static String metrics(RunningService service) throws Exception {
        return service.get(service.managementUri("/metrics")).body();
    }

    private static String event(String eventType, int second, String fields) {
        return """
                {"eventType": "%s", "callId": "c-outage-1", "from": "+15552223333", "to": "+15553334444",
                 "direction": "inbound", "eventTime": "2026-11-25T10:00:%02dZ"%s}
                """.formatted(eventType, second, fields);
    }
}
