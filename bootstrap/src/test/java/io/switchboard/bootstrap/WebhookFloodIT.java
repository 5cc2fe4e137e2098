package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service flooded with far more connections than it admits, each sending new calls as Bandwidth would (the next
 * as soon as one is answered, after {@code Retry-After} when refused), while an orchestrator probes its health on
 * the management port and a load balancer on the webhook port: what is admitted is answered by the flow within the
 * reply deadline, what is not is refused at once, and the management probe is answered at once.
 *
 * <p>The service is the jar in a JVM of its own, on one core where the machine has two; the flood comes from this
 * JVM, on the other core, as it would from other machines: the client's own work (a thousand connections, a thread
 * pool, its garbage) never takes the service's CPU, and the times it measures are the service's.
 *
 * <p>Opt-in (the {@code flood} profile, see README.md and docs/operations.md "Admission in a flood"): it needs the
 * machine's two cores to itself, and on a machine shared with other builds their work swamps what it measures.
 */
class WebhookFloodIT {
    private static final int CONNECTIONS = Integer.getInteger("flood.connections", 1000);
    /**
     * Limits ten times under the flood, and small enough for the webhooks admitted to be a light load on one core:
     * the test is about what happens past the limits.
     */
    private static final Map<String, String> LIMITS =
            Map.of("SWITCHBOARD_HTTP_MAX_CONNECTIONS", "100", "SWITCHBOARD_HTTP_MAX_IN_FLIGHT", "64");

    private static final List<String> JVM_OPTIONS = List.of(
            "-Dswitchboard.http.limits.min-in-flight=16",
            // What the launcher (scripts/switchboard) gives the service, with the heap of a small node.
            "-Xms512m",
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-Xmn256m",
            "-XX:MaxTenuringThreshold=2",
            "-XX:+ExitOnOutOfMemoryError");

    private static final Duration FLOOD = Duration.ofSeconds(Long.getLong("flood.seconds", 20));
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    /** How soon a request that is not admitted must be refused (or its connection refused or closed). */
    private static final Duration REFUSAL_BOUND = Duration.ofSeconds(1);

    private static final Duration RAMP = Duration.ofSeconds(Long.getLong("flood.ramp-seconds", 2));
    private static final int WARM_UP_CONNECTIONS = 8;
    private static final int WARM_UP_CALLS_EACH = 250;

    private static final Duration PROBE_BOUND = Duration.ofMillis(500);
    private static final Duration PROBE_EVERY = Duration.ofMillis(250);

    @TempDir
    Path workDir;

    @Test
    @EnabledIfSystemProperty(named = "switchboard.flood", matches = "true")
    void aFloodOfConnectionsIsAnsweredInTimeOrRefusedAtOnceAndHealthProbesStayQuick() throws Exception {
        try (CoreSplit cores = CoreSplit.ofThisMachine();
                ServiceProcess service = ServiceProcess.start(workDir, LIMITS, JVM_OPTIONS, cores.serviceLauncher())) {
            cores.pinThisJvm();
            warmUp(service);
            // What a node does on its own once ready, and what the flood's burst of new connections needs compiled.
            service.awaitConnectionsWarmedUp(Duration.ofSeconds(120));
            Flood flood = new Flood(service);
            List<Long> probeMillis = Collections.synchronizedList(new ArrayList<>());
            List<Long> managementProbeMillis = Collections.synchronizedList(new ArrayList<>());
            ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor();
            prober.scheduleWithFixedDelay(
                    () -> {
                        probeMillis.add(probeMillis(service.uri("/").getPort(), "/health/live"));
                        managementProbeMillis.add(
                                probeMillis(service.managementUri("/").getPort(), "/alive"));
                    },
                    0,
                    PROBE_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
            try {
                flood.run();
            } finally {
                prober.shutdownNow();
                prober.awaitTermination(5, TimeUnit.SECONDS);
            }
            double fallbacks = service.fallbacksCounted();
            long slowestWebhookPortProbe = slowest(probeMillis);
            long slowestManagementProbe = slowest(managementProbeMillis);
            System.out.printf(
                    "webhook flood, %d connections for %d s: %s; fallbacks counted %.0f; health probes %d, slowest %d ms"
                            + " on the management port, %d ms on the webhook port%n",
                    CONNECTIONS,
                    FLOOD.toSeconds(),
                    flood.summary(),
                    fallbacks,
                    probeMillis.size(),
                    slowestManagementProbe,
                    slowestWebhookPortProbe);
            assertAll(
                    () -> assertTrue(flood.admitted.sum() > 0, "some webhooks were admitted: " + flood.summary()),
                    () -> assertTrue(flood.refused.sum() > 0, "the flood was past the limits: " + flood.summary()),
                    () -> assertEquals(0, flood.lateAdmitted.sum(), "admitted past the deadline: " + flood.summary()),
                    () -> assertEquals(0, flood.fallbackBodies.sum(), "fallback replies: " + flood.summary()),
                    () -> assertEquals(0.0, fallbacks, "fallbacks counted by the service"),
                    () -> assertEquals(0, flood.lateRefusals.sum(), "refused too late: " + flood.summary()),
                    () -> assertEquals(0, flood.refusalsWithoutRetryAfter.sum(), "503 without Retry-After"),
                    () -> assertEquals(Map.of(), flood.otherOutcomes, "other outcomes"),
                    () -> assertTrue(
                            slowestManagementProbe < PROBE_BOUND.toMillis(),
                            "slowest probe of the management port: " + slowestManagementProbe + " ms"),
                    () -> assertTrue(
                            slowestWebhookPortProbe < DEADLINE.toMillis(),
                            "slowest probe of the webhook port: " + slowestWebhookPortProbe + " ms"));
        }
    }

    /** The flood's connections, each a line that sends one new call after another, and what became of them. */
    private static final class Flood {
        private final ServiceProcess service;
        private final ScheduledExecutorService clientThreads = Executors.newScheduledThreadPool(4);
        private final HttpClient client;
        private final AtomicBoolean flooding = new AtomicBoolean(true);
        private final AtomicInteger calls = new AtomicInteger();
        private final LongAdder admitted = new LongAdder();
        private final LongAdder lateAdmitted = new LongAdder();
        private final LongAdder fallbackBodies = new LongAdder();
        private final LongAdder refused = new LongAdder();
        private final LongAdder lateRefusals = new LongAdder();
        private final LongAdder refusalsWithoutRetryAfter = new LongAdder();
        private final Map<String, Integer> otherOutcomes = new ConcurrentHashMap<>();
        private final List<Long> admittedMillis = Collections.synchronizedList(new ArrayList<>());
        private volatile long slowestRefusalMillis;
        /** Late refusals by the second of the flood they were answered in: a cold start, or all along. */
        private final Map<Long, Integer> lateRefusalsBySecond = new ConcurrentHashMap<>();

        private volatile long started;

        Flood(ServiceProcess service) {
            this.service = service;
            this.client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(15))
                    .executor(clientThreads)
                    .build();
        }

        void run() throws Exception {
            started = System.nanoTime();
            List<CompletableFuture<Void>> lines = new ArrayList<>();
            for (int line = 0; line < CONNECTIONS; line++) {
                // Opened over the first seconds, as a flood reaches a node through its load balancer.
                lines.add(CompletableFuture.supplyAsync(
                                () -> null,
                                CompletableFuture.delayedExecutor(
                                        line * RAMP.toMillis() / CONNECTIONS, TimeUnit.MILLISECONDS, clientThreads))
                        .thenCompose(ignored -> sendNext()));
            }
            clientThreads.schedule(() -> flooding.set(false), FLOOD.toMillis(), TimeUnit.MILLISECONDS);
            try {
                CompletableFuture.allOf(lines.toArray(CompletableFuture[]::new))
                        .get(FLOOD.toSeconds() + 60, TimeUnit.SECONDS);
            } finally {
                clientThreads.shutdownNow();
            }
        }

        /** One new call on this line, then the next; the future completes when the flood is over. */
        private CompletableFuture<Void> sendNext() {
            if (!flooding.get()) {
                return CompletableFuture.completedFuture(null);
            }
            long sent = System.nanoTime();
            return client.sendAsync(
                            RunningService.jsonPost(
                                            service.uri("/voice/initiate"),
                                            initiate("c-flood-" + calls.incrementAndGet()))
                                    .timeout(Duration.ofSeconds(15))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .handle((reply, failure) -> record(reply, failure, (System.nanoTime() - sent) / 1_000_000))
                    .thenCompose(pause -> pause.isZero()
                            ? sendNext()
                            : CompletableFuture.supplyAsync(
                                            () -> null,
                                            CompletableFuture.delayedExecutor(
                                                    pause.toMillis(), TimeUnit.MILLISECONDS, clientThreads))
                                    .thenCompose(ignored -> sendNext()));
        }

        /** What became of one webhook; the pause before the line's next. */
        private Duration record(HttpResponse<String> reply, Throwable failure, long millis) {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                boolean refusedOrClosed = cause instanceof ConnectException
                        || (cause instanceof IOException && !(cause instanceof java.net.http.HttpTimeoutException));
                if (refusedOrClosed) {
                    refused(millis);
                } else {
                    otherOutcomes.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
                }
                return Duration.ofSeconds(1);
            }
            if (reply.statusCode() == 200) {
                admitted.increment();
                admittedMillis.add(millis);
                if (millis >= DEADLINE.toMillis()) {
                    lateAdmitted.increment();
                }
                if (reply.body().contains("We are sorry")) {
                    fallbackBodies.increment();
                }
                return Duration.ZERO;
            }
            if (reply.statusCode() == 503) {
                refused(millis);
                if (reply.headers().firstValue("Retry-After").isEmpty()) {
                    refusalsWithoutRetryAfter.increment();
                }
                return Duration.ofSeconds(
                        Long.parseLong(reply.headers().firstValue("Retry-After").orElse("1")));
            }
            otherOutcomes.merge("status " + reply.statusCode(), 1, Integer::sum);
            return Duration.ofSeconds(1);
        }

        private void refused(long millis) {
            refused.increment();
            slowestRefusalMillis = Math.max(slowestRefusalMillis, millis);
            if (millis >= REFUSAL_BOUND.toMillis()) {
                lateRefusals.increment();
                lateRefusalsBySecond.merge(
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), 1, Integer::sum);
            }
        }

        String summary() {
            List<Long> sorted;
            synchronized (admittedMillis) {
                sorted = new ArrayList<>(admittedMillis);
            }
            Collections.sort(sorted);
            long p99 = sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * 0.99));
            long slowest = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
            return String.format(
                    "%d admitted (%d past the deadline, %d fallbacks, p99 %d ms, slowest %d ms), %d refused (%d after"
                            + " %d ms or more, slowest %d ms; late ones by second of the flood %s), other %s",
                    admitted.sum(),
                    lateAdmitted.sum(),
                    fallbackBodies.sum(),
                    p99,
                    slowest,
                    refused.sum(),
                    lateRefusals.sum(),
                    REFUSAL_BOUND.toMillis(),
                    slowestRefusalMillis,
                    new TreeMap<>(lateRefusalsBySecond),
                    otherOutcomes);
        }
    }

    /**
     * A few thousand calls over a few connections first: a node takes its first minute's traffic with its code
     * compiled and its shards allocated; this test is about the flood, not about a cold start.
     */
    private static void warmUp(ServiceProcess service) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(WARM_UP_CONNECTIONS);
        try {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int line = 0; line < WARM_UP_CONNECTIONS; line++) {
                int first = line * WARM_UP_CALLS_EACH;
                sent.add(senders.submit(() -> {
                    for (int call = first; call < first + WARM_UP_CALLS_EACH; call++) {
                        assertEquals(
                                200,
                                service.post("/voice/initiate", initiate("c-warm-" + call))
                                        .statusCode());
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> line : sent) {
                line.get(120, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private static long slowest(List<Long> millis) {
        synchronized (millis) {
            return millis.stream().mapToLong(Long::longValue).max().orElse(Long.MAX_VALUE);
        }
    }

    /** A load balancer's probe: a new connection, {@code GET /health/live}, the time to its status line. */
    private static long probeMillis(int port, String path) {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int)
                    Duration.ofSeconds(10).toMillis());
            socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] statusLine = in.readNBytes("HTTP/1.1 200".length());
            if (!new String(statusLine, StandardCharsets.US_ASCII).equals("HTTP/1.1 200")) {
                return Long.MAX_VALUE;
            }
        } catch (IOException unanswered) {
            return Long.MAX_VALUE;
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String initiate(String callId) {
        return """
                {"eventType": "initiate", "callId": "%s", "from": "+15552223333", "to": "+15553334444",
                 "direction": "inbound", "eventTime": "2026-11-25T10:00:00Z"}
                """.formatted(callId);
    }
}
