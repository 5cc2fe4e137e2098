package io.switchboard.adapters.http;

import static io.switchboard.adapters.http.WebhookMutations.EVENT_TYPES;
import static io.switchboard.adapters.http.WebhookMutations.FIELD_NAMES;
import static io.switchboard.adapters.http.WebhookMutations.corpus;
import static io.switchboard.adapters.http.WebhookMutations.mutate;
import static io.switchboard.adapters.http.WebhookMutations.pick;
import static io.switchboard.adapters.http.WebhookMutations.randomBytes;
import static io.switchboard.adapters.http.WebhookMutations.randomJson;
import static io.switchboard.adapters.http.WebhookMutations.randomText;
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
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.http.json.VoiceChannel;
import io.switchboard.application.port.in.HandleVoiceEventUseCase;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    private static ActorTestKit testKit;
    private static Function<HttpRequest, CompletionStage<HttpResponse>> handler;
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
        byte[] body = mutate(random, corpus().get(random.nextInt(corpus().size())));
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
                    ? mutate(random, corpus().get(random.nextInt(corpus().size())))
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
        Exchange exchange = Exchange.read(testKit.system(), handler.apply(Exchange.post("/voice/answer", VALID)));

        assertEquals(200, exchange.status(), exchange.body());
        assertEquals(new BxmlWriter().write(FakeVoiceEventHandler.GREETING), exchange.body());
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
}
