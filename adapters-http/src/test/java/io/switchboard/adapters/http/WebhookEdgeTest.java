package io.switchboard.adapters.http;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.Query;
import akka.http.javadsl.model.Uri;
import akka.http.javadsl.server.Route;
import akka.japi.Pair;
import ch.qos.logback.classic.Level;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.http.json.VoiceChannel;
import io.switchboard.domain.call.DtmfReceived;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.call.MachineDetectionCompleted;
import io.switchboard.domain.call.MediaStreamChanged;
import io.switchboard.domain.call.RealTimeTranscriptionChanged;
import io.switchboard.domain.call.RecordingCompleted;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.verb.Redirect;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WebhookEdgeTest {
    private static final ActorTestKit testKit = ActorTestKit.create();
    private static final HttpSettings OPEN = HttpSettings.of("127.0.0.1", 0);

    private final FakeVoiceEventHandler useCase = new FakeVoiceEventHandler();

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    private Exchange send(HttpSettings settings, HttpRequest request) throws Exception {
        return Exchange.send(
                testKit.system(), routes(settings, WebhookMonitor.NONE).route(), request);
    }

    private VoiceWebhookRoutes routes(HttpSettings settings, WebhookMonitor monitor) {
        return new VoiceWebhookRoutes(useCase, () -> true, VoiceWebhookRoutesTest.FALLBACK, settings, monitor);
    }

    @SafeVarargs
    private static HttpRequest get(String path, Pair<String, String>... parameters) {
        return HttpRequest.GET(Uri.create(path).query(Query.create(parameters)).toString());
    }

    @Nested
    class GetCallbacks {
        @Test
        void queryParametersAreTheFieldsOfThePayload() throws Exception {
            Exchange exchange = send(
                    OPEN,
                    get(
                            "/voice/gather",
                            Pair.create("eventType", "gather"),
                            Pair.create("callId", Payloads.CALL_ID),
                            Pair.create("direction", "inbound"),
                            Pair.create("startTime", Payloads.START_TIME),
                            Pair.create("digits", "42#"),
                            Pair.create("terminatingDigit", "#")));

            assertEquals(200, exchange.status(), exchange.body());
            assertEquals(new BxmlWriter().write(FakeVoiceEventHandler.GREETING), exchange.body());
            GatherCompleted event = assertInstanceOf(GatherCompleted.class, useCase.onlyEvent());
            assertEquals("42#", event.digits());
            assertEquals(Payloads.CALL_ID, event.callId().value());
        }

        @Test
        void numbersAndBooleansComeAsTextAndDottedNamesNest() throws Exception {
            Exchange exchange = send(
                    OPEN,
                    get(
                            "/voice",
                            Pair.create("eventType", "realTimeTranscriptionStarted"),
                            Pair.create("callId", Payloads.CALL_ID),
                            Pair.create("realTimeTranscription.id", "t-1"),
                            Pair.create("realTimeTranscription.stabilized", "true"),
                            Pair.create("realTimeTranscription.tracks", "inbound"),
                            Pair.create("realTimeTranscription.tracks", "outbound")));

            assertEquals(200, exchange.status(), exchange.body());
            RealTimeTranscriptionChanged event =
                    assertInstanceOf(RealTimeTranscriptionChanged.class, useCase.onlyEvent());
            assertEquals(Boolean.TRUE, event.transcription().stabilized());
            assertEquals(List.of("inbound", "outbound"), event.transcription().tracks());
        }

        @Test
        void aSingleTrackIsAListOfOne() throws Exception {
            send(
                    OPEN,
                    get(
                            "/voice/mediaStreamStarted",
                            Pair.create("eventType", "mediaStreamStarted"),
                            Pair.create("callId", "c-1"),
                            Pair.create("mediaStream.id", "s-1"),
                            Pair.create("mediaStream.tracks", "inbound")));

            assertEquals(
                    List.of("inbound"),
                    assertInstanceOf(MediaStreamChanged.class, useCase.onlyEvent()).stream()
                            .tracks());
        }

        @Test
        void integersOfTheContractAreReadFromText() throws Exception {
            Exchange exchange = send(
                    OPEN,
                    get(
                            "/voice/recordComplete",
                            Pair.create("eventType", "recordComplete"),
                            Pair.create("callId", "c-1"),
                            Pair.create("recordingId", "r-1"),
                            Pair.create("channels", "2"),
                            Pair.create("duration", "PT3S")));

            assertEquals(200, exchange.status(), exchange.body());
            RecordingCompleted event = assertInstanceOf(RecordingCompleted.class, useCase.onlyEvent());
            assertEquals(2, event.recording().channels());
            assertEquals(Duration.ofSeconds(3), event.recording().duration());
        }

        @Test
        void theFlatMachineDetectionResultIsAcceptedToo() throws Exception {
            send(
                    OPEN,
                    get(
                            "/voice",
                            Pair.create("eventType", "machineDetectionComplete"),
                            Pair.create("callId", "c-1"),
                            Pair.create("machineDetectionResult.value", "human"),
                            Pair.create("machineDetectionResult.duration", "PT1.2S")));

            MachineDetectionCompleted event = assertInstanceOf(MachineDetectionCompleted.class, useCase.onlyEvent());
            assertTrue(event.result().human());
            assertEquals(Duration.ofMillis(1200), event.result().duration());
        }

        @Test
        void aWrongValueNamesItsParameter() throws Exception {
            Exchange exchange = send(
                    OPEN,
                    get(
                            "/voice/recordComplete",
                            Pair.create("eventType", "recordComplete"),
                            Pair.create("callId", "c-1"),
                            Pair.create("recordingId", "r-1"),
                            Pair.create("channels", "stereo")));

            assertEquals(400, exchange.status());
            assertEquals("channels", exchange.problem().path("field").asText());
            assertTrue(useCase.received().isEmpty());
        }
    }

    @Nested
    class Overload {
        private final List<CompletableFuture<EventReply>> pending = new CopyOnWriteArrayList<>();

        @Test
        void pastTheInFlightLimitWebhooksAreShedAtOnceWithRetryAfter() throws Exception {
            useCase.answerWith(event -> {
                CompletableFuture<EventReply> reply = new CompletableFuture<>();
                pending.add(reply);
                return reply;
            });
            AtomicInteger shed = new AtomicInteger();
            Route route = routes(OPEN.withOverload(2, Duration.ofSeconds(3)), new WebhookMonitor() {
                        @Override
                        public void shed() {
                            shed.incrementAndGet();
                        }
                    })
                    .route();
            HttpRequest answer = Exchange.post("/voice/answer", Payloads.contractPayload(VoiceChannel.ANSWER));
            List<CompletionStage<HttpResponse>> held = new ArrayList<>();
            held.add(route.handler(testKit.system()).apply(answer));
            held.add(route.handler(testKit.system()).apply(answer));

            Exchange third = Exchange.send(testKit.system(), route, answer);
            Exchange health = Exchange.send(testKit.system(), route, HttpRequest.GET("/health/live"));

            assertAll(
                    () -> assertEquals(503, third.status()),
                    () -> assertEquals("3", third.header("Retry-After")),
                    () -> assertEquals(
                            "urn:switchboard:problem:service-unavailable",
                            third.problem().path("type").asText()),
                    () -> assertEquals(1, shed.get()),
                    () -> assertEquals(200, health.status(), "health checks are never shed"),
                    () -> assertEquals(2, useCase.received().size()));

            pending.forEach(reply -> reply.complete(new EventReply(FakeVoiceEventHandler.GREETING, ReplyOrigin.FLOW)));
            for (CompletionStage<HttpResponse> response : held) {
                assertEquals(
                        200,
                        response.toCompletableFuture()
                                .get(5, TimeUnit.SECONDS)
                                .status()
                                .intValue());
            }
            useCase.answerWith(event -> CompletableFuture.completedFuture(
                    new EventReply(FakeVoiceEventHandler.GREETING, ReplyOrigin.FLOW)));
            // Each answered webhook left the count: two more fit again, one after the other and at once.
            assertEquals(200, Exchange.send(testKit.system(), route, answer).status());
            assertEquals(200, Exchange.send(testKit.system(), route, answer).status());
        }

        @Test
        void refusedAndFailedWebhooksLeaveTheCountToo() throws Exception {
            Route route = routes(OPEN.withOverload(1, Duration.ofSeconds(1)), WebhookMonitor.NONE)
                    .route();
            useCase.answerWith(event -> CompletableFuture.failedFuture(new IllegalStateException("region gone")));

            assertEquals(
                    400,
                    Exchange.send(testKit.system(), route, Exchange.post("/voice/answer", "{"))
                            .status());
            assertEquals(
                    404,
                    Exchange.send(testKit.system(), route, Exchange.post("/voice/nope", "{}"))
                            .status());
            assertEquals(
                    503,
                    Exchange.send(
                                    testKit.system(),
                                    route,
                                    Exchange.post("/voice/answer", Payloads.contractPayload(VoiceChannel.ANSWER)))
                            .status());
            useCase.answerWith(event -> CompletableFuture.completedFuture(
                    new EventReply(FakeVoiceEventHandler.GREETING, ReplyOrigin.FLOW)));

            assertEquals(
                    200,
                    Exchange.send(
                                    testKit.system(),
                                    route,
                                    Exchange.post("/voice/answer", Payloads.contractPayload(VoiceChannel.ANSWER)))
                            .status());
        }
    }

    @Nested
    class ReplyRendering {
        private final HttpSettings published = OPEN.withPublicUrl("https://ivr.example.test/");

        private void replyWith(Response response) {
            useCase.answerWith(event -> CompletableFuture.completedFuture(new EventReply(response, ReplyOrigin.FLOW)));
        }

        @Test
        void callbacksLeftWithoutAUrlComeHomeUnderThePublicUrl() throws Exception {
            replyWith(Response.builder()
                    .gather(gather -> gather.maxDigits(1).speakSentence("Press one"))
                    .build());

            Exchange exchange =
                    send(published, Exchange.post("/voice/answer", Payloads.contractPayload(VoiceChannel.ANSWER)));

            assertTrue(
                    exchange.body().contains("gatherUrl=\"https://ivr.example.test/voice/gather\""), exchange.body());
        }

        @Test
        void unrenderableReplyGetsTheFallbackAndAnErrorNamingTheRuleAndTheCall() throws Exception {
            List<String> replaced = new CopyOnWriteArrayList<>();
            WebhookMonitor monitor = new WebhookMonitor() {
                @Override
                public void replyReplacedByFallback(String eventType) {
                    replaced.add(eventType);
                }
            };
            // A Redirect without a URL, and no public URL to point it at: BXML cannot carry it.
            replyWith(Response.of(Redirect.builder().build()));
            try (CapturedLogs logged = new CapturedLogs(VoiceWebhookRoutes.class)) {
                Exchange exchange = Exchange.send(
                        testKit.system(),
                        routes(OPEN, monitor).route(),
                        Exchange.post("/voice/gather", Payloads.contractPayload(VoiceChannel.GATHER)));

                assertAll(
                        () -> assertEquals(200, exchange.status()),
                        () -> assertEquals(
                                new BxmlWriter().write(VoiceWebhookRoutesTest.FALLBACK.executedEventResponse()),
                                exchange.body()),
                        () -> assertEquals(List.of("gather"), replaced),
                        () -> assertTrue(logged.has(Level.ERROR, Payloads.CALL_ID, "Redirect"), logged::toString));
            }
        }

        @Test
        void overTheBxmlSizeLimitTheFallbackIsSent() throws Exception {
            Response.Builder huge = Response.builder();
            for (int i = 0; i < 40; i++) {
                huge.speakSentence("x".repeat(2_000));
            }
            replyWith(huge.build());

            Exchange exchange =
                    send(OPEN, Exchange.post("/voice/answer", Payloads.contractPayload(VoiceChannel.ANSWER)));

            assertEquals(200, exchange.status());
            assertEquals(
                    new BxmlWriter().write(VoiceWebhookRoutesTest.FALLBACK.executedEventResponse()), exchange.body());
        }

        @Test
        void anEventWhoseBxmlIsOptionalGetsAnEmptyReplyInstead() throws Exception {
            replyWith(Response.of(Redirect.builder().build()));

            Exchange exchange = send(
                    OPEN,
                    Exchange.post(
                            "/voice/conferenceCreated", Payloads.contractPayload(VoiceChannel.CONFERENCE_CREATED)));

            assertEquals(200, exchange.status());
            assertEquals("", exchange.body());
        }

        @Test
        void eventsWhoseReplyIsIgnoredGetAnEmptyOk() throws Exception {
            Exchange exchange = send(published, Exchange.post("/voice/dtmf", Payloads.payloadOf(VoiceChannel.DTMF)));

            assertEquals(200, exchange.status());
            assertEquals("", exchange.body());
            assertInstanceOf(DtmfReceived.class, useCase.onlyEvent());
        }
    }

    @Test
    void unparsedFieldsAreCountedByEventType() throws Exception {
        List<String> counted = new CopyOnWriteArrayList<>();
        WebhookMonitor monitor = new WebhookMonitor() {
            @Override
            public void unparsedFields(String eventType, java.util.Set<String> fields) {
                counted.add(eventType + ":" + String.join(",", new java.util.TreeSet<>(fields)));
            }
        };
        Exchange exchange = Exchange.send(
                testKit.system(),
                routes(OPEN, monitor).route(),
                Exchange.post(
                        "/voice",
                        Payloads.contractPayload(VoiceChannel.ANSWER)
                                .put("eventTime", "2019-06-20T15:54:25")
                                .put("enqueuedTime", "yesterday")));

        assertEquals(200, exchange.status());
        assertEquals(List.of("answer:enqueuedTime,eventTime"), counted);
        VoiceEvent event = useCase.onlyEvent();
        assertNull(event.eventTime());
        assertFalse(exchange.body().isEmpty());
    }
}
