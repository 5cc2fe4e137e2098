package io.switchboard.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.headers.Authorization;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.adapters.http.json.VoiceChannel;
import io.switchboard.application.port.in.AdmissionRefusedException;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EventReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The common webhook answered without the routing DSL gets exactly what the routes would give it (status,
 * headers, body, the event handed on); everything else is left to the routes.
 */
class DirectAnswersTest {
    private static final ActorTestKit testKit = ActorTestKit.create();
    private static final WebhookCredentials CREDENTIALS = new WebhookCredentials("bandwidth", "s3cret-Pa55");
    private static final HttpSettings SETTINGS =
            HttpSettings.of("127.0.0.1", 0).withCredentials(CREDENTIALS).withMaxBodyBytes(4096);
    private static final Authorization AUTHORIZED = Authorization.basic("bandwidth", "s3cret-Pa55");

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    /** The same request answered by each way, with a use case of its own, and what each handed on. */
    private record Both(
            Exchange direct, List<VoiceEvent> directEvents, Exchange routed, List<VoiceEvent> routedEvents) {}

    private static Both both(
            HttpRequest request, FakeVoiceEventHandler directUseCase, FakeVoiceEventHandler routedUseCase)
            throws Exception {
        VoiceWebhookRoutes direct =
                new VoiceWebhookRoutes(directUseCase, () -> true, VoiceWebhookRoutesTest.FALLBACK, SETTINGS);
        VoiceWebhookRoutes routed =
                new VoiceWebhookRoutes(routedUseCase, () -> true, VoiceWebhookRoutesTest.FALLBACK, SETTINGS);
        Optional<CompletionStage<HttpResponse>> answered = direct.answerDirectly(request);
        assertTrue(answered.isPresent(), "answered directly: " + request);
        return new Both(
                Exchange.read(testKit.system(), answered.get()),
                directUseCase.received(),
                Exchange.send(testKit.system(), routed.route(), request),
                routedUseCase.received());
    }

    private static void assertSameAnswer(Both both) {
        assertEquals(both.routed().status(), both.direct().status());
        assertEquals(both.routed().contentType(), both.direct().contentType());
        assertEquals(both.routed().body(), both.direct().body());
        assertEquals(both.routed().header("Retry-After"), both.direct().header("Retry-After"));
        assertEquals(both.routedEvents(), both.directEvents());
    }

    private static HttpRequest authorized(HttpRequest request) {
        return request.addHeader(AUTHORIZED);
    }

    @ParameterizedTest
    @EnumSource(VoiceChannel.class)
    void everyChannelsWebhookGetsWhatTheRoutesGiveIt(VoiceChannel channel) throws Exception {
        HttpRequest request = authorized(Exchange.post("/voice/" + channel.path(), Payloads.payloadOf(channel)));

        Both both = both(request, new FakeVoiceEventHandler(), new FakeVoiceEventHandler());

        assertEquals(1, both.directEvents().size());
        assertSameAnswer(both);
    }

    @ParameterizedTest
    @EnumSource(VoiceChannel.class)
    void theSharedUrlGetsWhatTheRoutesGiveIt(VoiceChannel channel) throws Exception {
        HttpRequest request = authorized(Exchange.post("/voice", Payloads.payloadOf(channel)));

        Both both = both(request, new FakeVoiceEventHandler(), new FakeVoiceEventHandler());

        assertEquals(1, both.directEvents().size());
        assertSameAnswer(both);
    }

    static Stream<Function<VoiceEvent, CompletionStage<EventReply>>> refusals() {
        return Stream.of(
                // The event could not be stored.
                event -> CompletableFuture.completedFuture(EventReply.notStored()),
                // A new call refused by memory admission.
                event -> CompletableFuture.failedFuture(new AdmissionRefusedException(10)));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void aRefusedEventGetsTheRoutes503(Function<VoiceEvent, CompletionStage<EventReply>> refusal) throws Exception {
        FakeVoiceEventHandler directUseCase = new FakeVoiceEventHandler();
        FakeVoiceEventHandler routedUseCase = new FakeVoiceEventHandler();
        directUseCase.answerWith(refusal);
        routedUseCase.answerWith(refusal);

        Both both = both(
                authorized(Exchange.post("/voice/initiate", Payloads.callEvent("initiate"))),
                directUseCase,
                routedUseCase);

        assertEquals(503, both.direct().status());
        assertSameAnswer(both);
    }

    static Stream<HttpRequest> leftToTheRoutes() {
        ObjectNode initiate = Payloads.callEvent("initiate");
        ObjectNode missingCallId = Payloads.callEvent("initiate");
        missingCallId.remove("callId");
        List<HttpRequest> requests = new ArrayList<>(List.of(
                Exchange.post("/voice/initiate", initiate),
                Exchange.post("/voice/initiate", initiate).addHeader(Authorization.basic("bandwidth", "wrong")),
                Exchange.post("/voice/initiate", initiate).addHeader(Authorization.oauth2("token")),
                authorized(HttpRequest.GET("/voice/initiate?eventType=initiate")),
                authorized(HttpRequest.POST("/voice/initiate")
                        .withEntity(ContentTypes.TEXT_PLAIN_UTF8, Payloads.json(initiate))),
                authorized(Exchange.post("/voice/nonsense", initiate)),
                authorized(Exchange.post("/voice/initiate/more", initiate)),
                authorized(Exchange.post("/admin/calls", initiate)),
                authorized(Exchange.post("/voice/initiate", missingCallId)),
                authorized(Exchange.post("/voice/initiate", "{not json")),
                authorized(Exchange.post(
                        "/voice/initiate", "{\"eventType\":\"initiate\",\"pad\":\"" + "x".repeat(5000) + "\"}"))));
        return requests.stream();
    }

    @ParameterizedTest
    @MethodSource("leftToTheRoutes")
    void anythingElseIsLeftToTheRoutesAndHandsNothingOn(HttpRequest request) {
        FakeVoiceEventHandler useCase = new FakeVoiceEventHandler();
        VoiceWebhookRoutes routes =
                new VoiceWebhookRoutes(useCase, () -> true, VoiceWebhookRoutesTest.FALLBACK, SETTINGS);

        assertEquals(Optional.empty(), routes.answerDirectly(request));
        assertEquals(List.of(), useCase.received());
    }
}
