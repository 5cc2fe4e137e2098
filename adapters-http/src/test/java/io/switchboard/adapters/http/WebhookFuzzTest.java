package io.switchboard.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpCharsets;
import akka.http.javadsl.model.HttpMethod;
import akka.http.javadsl.model.HttpMethods;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.Query;
import akka.http.javadsl.model.Uri;
import akka.japi.Pair;
import akka.japi.function.Function;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.http.json.VoiceChannel;
import io.switchboard.application.port.in.HandleVoiceEventUseCase;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.LoggerFactory;

/**
 * Throws 100,000 mutated and random webhooks at the sealed routes in this JVM (50,000 mutations of valid payloads
 * of every channel and of Bandwidth's examples, 25,000 random bodies, 25,000 random requests: methods, paths,
 * query strings, content types) and checks that every one is answered, without an exception escaping, with a
 * status below 500 and, when refused, a problem document; and that a valid webhook is still answered correctly
 * after each run. A failing try is reported with its seed, which replays it.
 */
class WebhookFuzzTest {
    private static final Set<Integer> ANSWERS = Set.of(200, 400, 404, 405, 413, 415);
    private static final String VALID = Payloads.json(Payloads.contractPayload(VoiceChannel.ANSWER));
    private static final String[] FIELD_NAMES = {
        "eventType",
        "callId",
        "conferenceId",
        "eventTime",
        "startTime",
        "answerTime",
        "enqueuedTime",
        "direction",
        "channels",
        "duration",
        "fileFormat",
        "status",
        "cause",
        "digits",
        "digit",
        "tag",
        "parentCallId",
        "transferCallId",
        "recordingId",
        "transcription",
        "mediaStream",
        "realTimeTranscription",
        "machineDetectionResult",
        "referCallStatus",
        "referSipResponseCode",
        "tracks",
        "id",
        "stabilized",
        "",
        "__proto__",
        "@type",
        "callId "
    };
    private static final String[] EVENT_TYPES = Arrays.stream(VoiceChannel.values())
            .flatMap(channel -> channel.eventTypes().stream())
            .toArray(String[]::new);

    private static ActorTestKit testKit;
    private static Function<HttpRequest, CompletionStage<HttpResponse>> handler;
    private static List<byte[]> corpus;
    private static final AtomicLong handled = new AtomicLong();
    private static Level quietened;

    @BeforeContainer
    static void start() {
        testKit = ActorTestKit.create();
        HandleVoiceEventUseCase useCase = event -> {
            handled.incrementAndGet();
            return CompletableFuture.completedFuture(new EventReply(
                    event.replyExpectation().allowsBxml() ? FakeVoiceEventHandler.GREETING : null, ReplyOrigin.FLOW));
        };
        handler = new VoiceWebhookRoutes(
                        useCase,
                        () -> true,
                        VoiceWebhookRoutesTest.FALLBACK,
                        HttpSettings.of("127.0.0.1", 0).withPublicUrl("https://ivr.example.test"))
                .route()
                .handler(testKit.system());
        corpus = new ArrayList<>();
        for (VoiceChannel channel : VoiceChannel.values()) {
            corpus.add(Payloads.json(Payloads.payloadOf(channel)).getBytes(StandardCharsets.UTF_8));
            if (!channel.inContract()) {
                corpus.add(LivePlatformEventsTest.example(channel.path()).getBytes(StandardCharsets.UTF_8));
            }
        }
        // Half a million tolerated-field warnings would drown the build log; failures are asserted, not logged.
        Logger switchboard = (Logger) LoggerFactory.getLogger("io.switchboard");
        quietened = switchboard.getLevel();
        switchboard.setLevel(Level.ERROR);
    }

    @AfterContainer
    static void stop() {
        ((Logger) LoggerFactory.getLogger("io.switchboard")).setLevel(quietened);
        testKit.shutdownTestKit();
    }

    @Property(tries = 50_000, shrinking = ShrinkingMode.OFF)
    void mutatedPayloadsAreAnsweredWithoutAServerError(@ForAll("seeds") long seed) throws Exception {
        Random random = new Random(seed);
        byte[] body = mutate(random, corpus.get(random.nextInt(corpus.size())));
        String path = random.nextBoolean() ? "/voice" : "/voice/" + EVENT_TYPES[random.nextInt(EVENT_TYPES.length)];
        check(HttpRequest.POST(path).withEntity(ContentTypes.APPLICATION_JSON, body), seed);
    }

    @Property(tries = 25_000, shrinking = ShrinkingMode.OFF)
    void randomBodiesAreAnsweredWithoutAServerError(@ForAll("seeds") long seed) throws Exception {
        Random random = new Random(seed);
        byte[] body = random.nextBoolean()
                ? randomBytes(random)
                : randomJson(random, 0).toString().getBytes(StandardCharsets.UTF_8);
        check(HttpRequest.POST(randomPath(random)).withEntity(ContentTypes.APPLICATION_JSON, body), seed);
    }

    @Property(tries = 25_000, shrinking = ShrinkingMode.OFF)
    void randomRequestsAreAnsweredWithoutAServerError(@ForAll("seeds") long seed) throws Exception {
        Random random = new Random(seed);
        HttpMethod[] methods = {
            HttpMethods.GET,
            HttpMethods.POST,
            HttpMethods.PUT,
            HttpMethods.DELETE,
            HttpMethods.PATCH,
            HttpMethods.HEAD,
            HttpMethods.OPTIONS
        };
        ContentType[] contentTypes = {
            ContentTypes.APPLICATION_JSON,
            ContentTypes.TEXT_PLAIN_UTF8,
            ContentTypes.APPLICATION_X_WWW_FORM_URLENCODED,
            ContentTypes.APPLICATION_OCTET_STREAM,
            MediaTypes.APPLICATION_JSON.toContentType(),
            MediaTypes.TEXT_XML.toContentType(HttpCharsets.UTF_16)
        };
        List<Pair<String, String>> query = new ArrayList<>();
        for (int i = random.nextInt(8); i > 0; i--) {
            String name = random.nextInt(4) == 0
                    ? randomText(random, 12)
                    : pick(random, FIELD_NAMES) + (random.nextInt(4) == 0 ? "." + pick(random, FIELD_NAMES) : "");
            String value = random.nextInt(3) == 0 ? pick(random, EVENT_TYPES) : randomText(random, 40);
            query.add(Pair.create(name, value));
        }
        Uri uri = Uri.create(randomPath(random)).query(Query.create(query.toArray(Pair[]::new)));
        HttpRequest request = HttpRequest.create(uri.toString()).withMethod(pick(random, methods));
        if (random.nextBoolean() && request.method().isEntityAccepted()) {
            byte[] body = random.nextBoolean()
                    ? mutate(random, corpus.get(random.nextInt(corpus.size())))
                    : randomBytes(random);
            request = request.withEntity(pick(random, contentTypes), body);
        }
        check(request, seed);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    /** After each run: the routes still answer a valid webhook with the flow's BXML. */
    @AfterProperty
    void aValidWebhookIsStillAnsweredCorrectly() throws Exception {
        long before = handled.get();
        HttpResponse response = handler.apply(Exchange.post("/voice/answer", VALID))
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        String body = response.entity()
                .toStrict(5_000, testKit.system())
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS)
                .getData()
                .utf8String();

        assertEquals(200, response.status().intValue(), body);
        assertEquals(new BxmlWriter().write(FakeVoiceEventHandler.GREETING), body);
        assertEquals(before + 1, handled.get());
    }

    private static void check(HttpRequest request, long seed) throws Exception {
        HttpResponse response = handler.apply(request).toCompletableFuture().get(5, TimeUnit.SECONDS);
        int status = response.status().intValue();
        assertTrue(ANSWERS.contains(status), () -> "seed " + seed + ": " + request + " answered " + response);
        if (status >= 400) {
            assertEquals(
                    "application/problem+json",
                    response.entity().getContentType().toString(),
                    () -> "seed " + seed + ": " + request);
        }
        response.discardEntityBytes(testKit.system());
    }

    /** A few edits of a valid payload: at the JSON level (fields set, removed, retyped) and at the byte level. */
    private static byte[] mutate(Random random, byte[] valid) throws Exception {
        byte[] bytes = valid;
        if (random.nextInt(3) > 0) {
            JsonNode tree = Payloads.MAPPER.readTree(valid);
            if (tree instanceof ObjectNode object) {
                for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                    String field = random.nextInt(3) == 0 ? randomText(random, 10) : pick(random, FIELD_NAMES);
                    if (random.nextInt(4) == 0) {
                        object.remove(field);
                    } else {
                        object.set(field, randomJson(random, 0));
                    }
                }
                bytes = Payloads.MAPPER.writeValueAsBytes(object);
            }
        }
        if (random.nextInt(3) == 0) {
            bytes = mutateBytes(random, bytes);
        }
        return bytes;
    }

    private static byte[] mutateBytes(Random random, byte[] bytes) {
        byte[] out = bytes.clone();
        int at = random.nextInt(Math.max(1, out.length));
        switch (random.nextInt(5)) {
            case 0 -> out[at] = (byte) random.nextInt(256);
            case 1 -> out = Arrays.copyOf(out, at);
            case 2 -> {
                byte[] longer = new byte[out.length + 1];
                System.arraycopy(out, 0, longer, 0, at);
                String structural = "{}[]\",:\\\u0000\u00ff";
                longer[at] = (byte) structural.charAt(random.nextInt(structural.length()));
                System.arraycopy(out, at, longer, at + 1, out.length - at);
                out = longer;
            }
            case 3 -> {
                int end = Math.min(out.length, at + random.nextInt(20));
                byte[] shorter = new byte[out.length - (end - at)];
                System.arraycopy(out, 0, shorter, 0, at);
                System.arraycopy(out, end, shorter, at, out.length - end);
                out = shorter;
            }
            default -> {
                byte[] doubled = Arrays.copyOf(out, out.length * 2);
                System.arraycopy(out, 0, doubled, out.length, out.length);
                out = doubled;
            }
        }
        return out;
    }

    private static JsonNode randomJson(Random random, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        int kind = random.nextInt(depth > 3 ? 8 : 11);
        return switch (kind) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.booleanNode(random.nextBoolean());
            case 2 -> nodes.numberNode(random.nextLong());
            case 3 -> nodes.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(300)));
            case 4 ->
                nodes.textNode(pick(
                        random,
                        "2019-06-20T15:54:25",
                        "2019-06-20T15:54:25.432Z",
                        "PT20.056S",
                        "inbound",
                        "outbound",
                        "wav",
                        "complete",
                        "human",
                        "success",
                        "true",
                        "1",
                        "",
                        " ",
                        "\u0000",
                        "c-" + "9".repeat(random.nextInt(300))));
            case 5 -> nodes.textNode(pick(random, EVENT_TYPES));
            case 6, 7 -> nodes.textNode(randomText(random, random.nextInt(4) == 0 ? 5_000 : 30));
            case 8 -> {
                ArrayNode array = nodes.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomJson(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = nodes.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(pick(random, FIELD_NAMES), randomJson(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static String randomPath(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "/voice";
            case 1, 2 -> "/voice/" + pick(random, EVENT_TYPES);
            case 3 ->
                Uri.create("/voice").addPathSegment(randomText(random, 20)).toString();
            case 4 -> pick(random, "/health/live", "/health/ready", "/", "/voice/", "/voice/answer/x", "/admin");
            default -> Uri.create("").addPathSegment(randomText(random, 10)).toString();
        };
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(random.nextInt(10) == 0 ? 70_000 : 300)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String randomText(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            text.appendCodePoint(random.nextInt(5) == 0 ? random.nextInt(0x2FFFF) : 0x20 + random.nextInt(0x5F));
        }
        return text.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }
}
