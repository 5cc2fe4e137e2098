package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service in a JVM of its own with a 96 MB heap and the ceiling it derives from it, flooded with new calls while
 * calls already in progress carry on and calls that ended wait out their retention: at the ceiling the ended calls
 * leave to make room, then the new calls are refused with 503 and Retry-After; every event of a call in progress is
 * answered by its flow within the reply deadline, and the JVM never runs out of heap.
 */
class MemoryAdmissionFloodTest {
    private static final int CALLS_IN_PROGRESS = 20;
    /**
     * Ended before the flood; memory mode without parking keeps them resident 10 minutes, longer than the test,
     * unless sent away.
     */
    private static final int ENDED_CALLS = 200;

    private static final int FLOODERS = 6;
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    /** Enough refusals to show the ceiling holds under the flood, not only that it was touched. */
    private static final int REFUSALS_WANTED = 500;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final StringBuffer output = new StringBuffer();
    private Process service;

    @TempDir
    Path workingDirectory;

    @AfterEach
    void stopService() {
        if (service != null) {
            service.destroyForcibly();
        }
    }

    @Test
    void aSmallHeapFloodedWithNewCallsSendsEndedCallsAwayThenShedsAndKeepsAnsweringCallsInProgress() throws Exception {
        int port = freePort();
        int managementPort = freePort();
        service = startService(port, managementPort);
        awaitReady(port);
        for (int call = 0; call < CALLS_IN_PROGRESS; call++) {
            assertEquals(
                    200,
                    post(port, "/voice/initiate", initiate("c-kept-" + call)).statusCode());
        }
        for (int call = 0; call < ENDED_CALLS; call++) {
            assertEquals(
                    200,
                    post(port, "/voice/initiate", initiate("c-ended-" + call)).statusCode());
            assertEquals(
                    200,
                    post(port, "/voice/disconnect", disconnect("c-ended-" + call))
                            .statusCode());
        }

        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger newCalls = new AtomicInteger();
        LongAdder admitted = new LongAdder();
        LongAdder refused = new LongAdder();
        Map<Integer, Integer> otherStatuses = new ConcurrentHashMap<>();
        List<String> refusalsWithoutRetryAfter = new CopyOnWriteArrayList<>();
        ExecutorService flood = Executors.newFixedThreadPool(FLOODERS);
        for (int i = 0; i < FLOODERS; i++) {
            flood.submit(() -> {
                while (flooding.get()) {
                    HttpResponse<String> reply =
                            post(port, "/voice/initiate", initiate("c-flood-" + newCalls.incrementAndGet()));
                    if (reply.statusCode() == 200) {
                        admitted.increment();
                    } else if (reply.statusCode() == 503) {
                        refused.increment();
                        if (reply.headers().firstValue("Retry-After").isEmpty()) {
                            refusalsWithoutRetryAfter.add(reply.toString());
                        }
                    } else {
                        otherStatuses.merge(reply.statusCode(), 1, Integer::sum);
                    }
                }
                return null;
            });
        }

        // The calls in progress keep pressing keys while the flood goes on, until enough new calls were refused.
        long slowestNanos = 0;
        int answered = 0;
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        try {
            while (refused.sum() < REFUSALS_WANTED && System.nanoTime() < giveUp && service.isAlive()) {
                long sent = System.nanoTime();
                HttpResponse<String> reply =
                        post(port, "/voice/gather", gather("c-kept-" + answered % CALLS_IN_PROGRESS));
                slowestNanos = Math.max(slowestNanos, System.nanoTime() - sent);
                assertEquals(200, reply.statusCode(), reply.body());
                assertFalse(
                        reply.body().contains("We are sorry") || reply.body().contains("<Redirect"),
                        "the flow answered, not the fallback nor a hold: " + reply.body());
                answered++;
            }
        } finally {
            flooding.set(false);
            flood.shutdown();
            flood.awaitTermination(60, TimeUnit.SECONDS);
        }
        int liveAfterwards = get(port, "/health/live").statusCode();
        String metrics = get(managementPort, "/metrics").body();
        long evicted = metric(metrics, "switchboard_admission_ended_evicted_total");

        long slowest = slowestNanos;
        int events = answered;
        assertAll(
                () -> assertTrue(service.isAlive(), "the service runs: " + tail()),
                () -> assertFalse(output.toString().contains("OutOfMemoryError"), tail()),
                () -> assertTrue(refused.sum() >= REFUSALS_WANTED, "refused: " + refused + ", admitted: " + admitted),
                () -> assertTrue(refusalsWithoutRetryAfter.isEmpty(), "503 without Retry-After"),
                () -> assertEquals(Map.of(), otherStatuses, "new calls get 200 or 503"),
                () -> assertTrue(events > 0, "events of calls in progress were sent"),
                () -> assertTrue(
                        slowest < DEADLINE.toNanos(),
                        "slowest answer to a call in progress: " + slowest / 1_000_000 + " ms"),
                () -> assertEquals(200, liveAfterwards, "the service still answers"),
                () -> assertEquals(ENDED_CALLS, evicted, "every ended call was sent away before refusals sufficed"),
                () -> assertEquals(0, metric(metrics, "switchboard_admission_ended_entities"), "no ended call left"));
        System.out.printf(
                "memory admission, 96 MB heap: %d new calls admitted (%d of them in place of ended calls sent away),"
                        + " %d refused; %d events of calls in progress, slowest %d ms%n",
                admitted.sum(), evicted, refused.sum(), events, slowest / 1_000_000);
    }

    private Process startService(int port, int managementPort) throws Exception {
        Process started = ServeProcess.builder(
                        workingDirectory,
                        List.of("-Xmx96m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=logback.xml"),
                        Map.of(
                                "SWITCHBOARD_HTTP_PORT",
                                Integer.toString(port),
                                "SWITCHBOARD_MANAGEMENT_PORT",
                                Integer.toString(managementPort),
                                "SWITCHBOARD_LOG_LEVEL",
                                "WARN",
                                // Nothing parked, so ended calls stay resident for their retention (as in journal
                                // mode): the case where admission must send them away first.
                                "SWITCHBOARD_ENTITY_PARK_AFTER",
                                "2h"))
                .redirectErrorStream(true)
                .start();
        Thread drain = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                }
            } catch (java.io.IOException ended) {
                // The process is gone; what it printed is kept.
            }
        });
        drain.setDaemon(true);
        drain.start();
        return started;
    }

    private void awaitReady(int port) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < giveUp && service.isAlive()) {
            try {
                if (get(port, "/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // Not listening yet.
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the service did not become ready: " + tail());
    }

    private String tail() {
        String all = output.toString();
        return all.substring(Math.max(0, all.length() - 4_000));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> post(int port, String path, String json) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String initiate(String callId) {
        return """
                {"eventType": "initiate", "callId": "%s", "from": "+15552223333", "to": "+15553334444",
                 "direction": "inbound", "eventTime": "2026-11-25T10:00:00Z"}
                """.formatted(callId);
    }

    /** The value of an unlabelled metric in a Prometheus scrape. */
    private static long metric(String scrape, String name) {
        Matcher line = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(scrape);
        assertTrue(line.find(), name + " in " + scrape);
        return (long) Double.parseDouble(line.group(1));
    }

    private static String disconnect(String callId) {
        return """
                {"eventType": "disconnect", "callId": "%s", "from": "+15552223333", "to": "+15553334444",
                 "direction": "inbound", "eventTime": "2026-11-25T10:00:09Z", "endTime": "2026-11-25T10:00:09Z",
                 "cause": "hangup"}
                """.formatted(callId);
    }

    private static String gather(String callId) {
        return """
                {"eventType": "gather", "callId": "%s", "from": "+15552223333", "to": "+15553334444",
                 "direction": "inbound", "digits": "9", "eventTime": "2026-11-25T10:00:05Z"}
                """.formatted(callId);
    }
}
