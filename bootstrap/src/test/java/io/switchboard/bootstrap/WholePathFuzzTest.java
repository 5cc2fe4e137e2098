package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.switchboard.adapters.http.Payloads;
import io.switchboard.adapters.http.WebhookMutations;
import io.switchboard.adapters.http.json.VoiceEventDecoder;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Mutated webhooks through the whole path: HTTP, the decoder, sharding, the entities, the demo flows, the journal
 * (H2 in a file), then a restarted service reading what was stored. From one fixed seed, so a failure replays; the
 * number of bodies is {@code switchboard.fuzz.bodies} (a few thousand in the default build, 100,000 with
 * {@code -Pfuzz}). Every body is answered below 500; nothing accepted gets the fallback; no actor fails; after the
 * restart each entity answers a redelivery of its last accepted webhook with the reply it gave, from its recovered
 * journal; and the heap stays bounded.
 */
class WholePathFuzzTest {
    private static final long SEED = 14L;
    private static final int BODIES = Integer.getInteger("switchboard.fuzz.bodies", 2_000);
    /** Calls and conferences the bodies are spread over, so that many entities store and recover. */
    private static final int ENTITIES = 200;
    /** Heap in use after a collection once every body is in: the resident entities and the service itself. */
    private static final long HEAP_BOUND_BYTES = 256L << 20;

    private static final VoiceEventDecoder DECODER = new VoiceEventDecoder(Payloads.MAPPER);

    @TempDir
    Path dataDir;

    private final ErrorLines errors = new ErrorLines();
    private Level quietened;

    /** Every ERROR line of any logger (an actor's failure, a journal's refusal), at most a few kept for the report. */
    private static final class ErrorLines extends AppenderBase<ILoggingEvent> {
        private final AtomicInteger count = new AtomicInteger();
        private final List<String> first = new ArrayList<>();

        @Override
        protected synchronized void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.ERROR) && count.incrementAndGet() <= 5) {
                first.add(event.getLoggerName() + ": " + event.getFormattedMessage());
            }
        }
    }

    @BeforeEach
    void listenForErrors() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        errors.setContext(root.getLoggerContext());
        errors.start();
        root.addAppender(errors);
        // Thousands of tolerated-field warnings would drown the build log; errors are asserted, not read.
        Logger switchboard = (Logger) LoggerFactory.getLogger("io.switchboard");
        quietened = switchboard.getLevel();
        switchboard.setLevel(Level.ERROR);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger("io.switchboard")).setLevel(quietened);
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(errors);
    }

    private RunningService start() throws Exception {
        return RunningService.start("""
                switchboard.durability.mode = journal
                switchboard.durability.data-dir = "%s"
                """.formatted(dataDir.toString().replace("\\", "/")));
    }

    /** One accepted webhook: where it went, what it was, what it got. */
    private record Accepted(String path, byte[] body, String reply) {}

    @Test
    void mutatedWebhooksAreAnsweredStoredAndRecoveredWithoutAServerErrorOrAFallback() throws Exception {
        Random random = new Random(SEED);
        Map<String, Accepted> lastAcceptedByEntity = new LinkedHashMap<>();
        int accepted = 0;
        try (RunningService service = start()) {
            for (int i = 0; i < BODIES; i++) {
                byte[] body = WebhookMutations.mutate(random, spreadOverEntities(random));
                String path = random.nextBoolean()
                        ? "/voice"
                        : "/voice/" + WebhookMutations.pick(random, WebhookMutations.EVENT_TYPES);
                HttpResponse<String> reply = post(service, path, body);
                String what = "body " + i + " of seed " + SEED + " to " + path + ": "
                        + new String(body, StandardCharsets.UTF_8) + " -> " + reply.statusCode() + " " + reply.body();
                assertTrue(reply.statusCode() < 500, what);
                if (reply.statusCode() == 200) {
                    accepted++;
                    String entity = entityOf(body);
                    if (entity != null) {
                        lastAcceptedByEntity.put(entity, new Accepted(path, body, reply.body()));
                    }
                }
            }
            assertEquals(0.0, service.fallbacksCounted(), "no accepted webhook got the fallback");
        }
        assertTrue(accepted > BODIES / 10, "enough bodies were accepted to exercise the store: " + accepted);
        assertTrue(lastAcceptedByEntity.size() > ENTITIES / 2, "entities: " + lastAcceptedByEntity.size());

        try (RunningService restarted = start()) {
            for (Map.Entry<String, Accepted> entity : lastAcceptedByEntity.entrySet()) {
                Accepted last = entity.getValue();
                HttpResponse<String> again = post(restarted, last.path(), last.body());
                assertEquals(200, again.statusCode(), entity.getKey() + ": " + again.body());
                assertEquals(last.reply(), again.body(), entity.getKey() + " answers its redelivery as before");
            }
            assertEquals(0.0, restarted.fallbacksCounted(), "no recovered entity fell back");
        }
        assertEquals(0, errors.count.get(), () -> "errors logged: " + errors.first);

        System.gc();
        long heapInUse =
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        assertTrue(heapInUse < HEAP_BOUND_BYTES, "heap in use after a collection: " + (heapInUse >> 20) + " MB");
    }

    /** A body of the corpus, its call or conference one of {@link #ENTITIES}. */
    private static byte[] spreadOverEntities(Random random) {
        List<byte[]> corpus = WebhookMutations.corpus();
        String body = new String(corpus.get(random.nextInt(corpus.size())), StandardCharsets.UTF_8);
        int entity = random.nextInt(ENTITIES);
        return body.replace(Payloads.CALL_ID, "c-fuzz-" + entity)
                .replace(Payloads.CONFERENCE_ID, "conf-fuzz-" + entity)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The entity an accepted body went to ({@code callId c-fuzz-7}), or null when it went to none. */
    private static String entityOf(byte[] body) {
        return DECODER.decode(body)
                .event()
                .map(event -> event.entityIdName() + " " + event.entityId())
                .orElse(null);
    }

    private static HttpResponse<String> post(RunningService service, String path, byte[] body) throws Exception {
        return service.send(HttpRequest.newBuilder(service.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }
}
