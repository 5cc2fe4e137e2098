package io.switchboard.adapters.http;

import static io.switchboard.adapters.http.Payloads.callEvent;
import static io.switchboard.adapters.http.Payloads.contractPayload;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpMethods;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.headers.Authorization;
import akka.stream.javadsl.Source;
import akka.util.ByteString;
import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.http.json.VoiceChannel;
import io.switchboard.application.port.in.AdmissionRefusedException;
import io.switchboard.domain.call.CallAnswered;
import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.call.RecordingCompleted;
import io.switchboard.domain.call.TranscriptionAvailable;
import io.switchboard.domain.call.TransferAnswered;
import io.switchboard.domain.call.UnrecognizedCallEvent;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceMemberJoined;
import io.switchboard.domain.conference.UnrecognizedConferenceEvent;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.FallbackPolicy;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class VoiceWebhookRoutesTest {
    private static final ActorTestKit testKit = ActorTestKit.create();
    private static final BxmlWriter bxmlWriter = new BxmlWriter();
    private static final WebhookCredentials CREDENTIALS = new WebhookCredentials("bandwidth", "s3cret-Pa55");
    private static final HttpSettings OPEN = HttpSettings.of("127.0.0.1", 0);
    static final FallbackPolicy FALLBACK = new FallbackPolicy(
            Response.builder().speakSentence("Sorry").hangup().build());

    private final FakeVoiceEventHandler useCase = new FakeVoiceEventHandler();
    private final AtomicBoolean ready = new AtomicBoolean(true);

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    private Exchange send(HttpSettings settings, HttpRequest request) throws Exception {
        return Exchange.send(
                testKit.system(), new VoiceWebhookRoutes(useCase, ready::get, FALLBACK, settings).route(), request);
    }

    private Exchange send(HttpRequest request) throws Exception {
        return send(OPEN, request);
    }

    private static HttpRequest post(String path, ObjectNode payload) {
        return Exchange.post(path, payload);
    }

    private static HttpRequest post(String path, String json) {
        return Exchange.post(path, json);
    }

    @Nested
    class Channels {
        @ParameterizedTest
        @EnumSource(VoiceChannel.class)
        void everyChannelAnswersItsPayload(VoiceChannel channel) throws Exception {
            Exchange exchange = send(post("/voice/" + channel.path(), Payloads.payloadOf(channel)));

            VoiceEvent event = useCase.onlyEvent();
            assertEquals(200, exchange.status(), exchange.body());
            assertEquals(channel, VoiceChannel.forEventType(event.eventType()).orElseThrow());
            if (event.replyExpectation().allowsBxml()) {
                assertEquals(bxmlWriter.write(FakeVoiceEventHandler.GREETING), exchange.body());
                assertEquals("application/xml; charset=UTF-8", exchange.contentType());
            } else {
                assertEquals("", exchange.body());
            }
        }

        @Test
        void liveRecordCompleteIsTheRecordingCompleteChannel() throws Exception {
            ObjectNode payload =
                    contractPayload(VoiceChannel.RECORDING_COMPLETE).put("eventType", "recordComplete");
            payload.remove("status");

            Exchange exchange = send(post("/voice/recordingComplete", payload));

            assertEquals(200, exchange.status());
            RecordingCompleted event = assertInstanceOf(RecordingCompleted.class, useCase.onlyEvent());
            assertEquals(Duration.ofMillis(20056), event.recording().duration());
            assertEquals(bxmlWriter.write(FakeVoiceEventHandler.GREETING), exchange.body());
        }

        @Test
        void liveNestedTranscriptionIsTheTranscriptionAvailableChannel() throws Exception {
            ObjectNode payload = callEvent("transcriptionAvailable").put("recordingId", "r-1");
            payload.putObject("transcription").put("id", "t-live").put("status", "available");

            Exchange exchange = send(post("/voice/transcriptionAvailable", payload));

            assertEquals(200, exchange.status());
            assertEquals("", exchange.body());
            TranscriptionAvailable event = assertInstanceOf(TranscriptionAvailable.class, useCase.onlyEvent());
            assertEquals("t-live", event.transcription().id());
        }

        @Test
        void liveParentCallIdNamesTheALeg() throws Exception {
            ObjectNode payload = callEvent("transferAnswer").put("parentCallId", Payloads.PARENT_CALL_ID);

            assertEquals(200, send(post("/voice/transferAnswer", payload)).status());

            TransferAnswered event = assertInstanceOf(TransferAnswered.class, useCase.onlyEvent());
            assertEquals(CallId.of(Payloads.PARENT_CALL_ID), event.call().parentCallId());
        }

        @Test
        void anotherChannelsEventTypeIsRefusedNamingWhatTheChannelAccepts() throws Exception {
            Exchange exchange = send(post("/voice/recordingComplete", contractPayload(VoiceChannel.GATHER)));

            assertEquals(400, exchange.status());
            JsonNode problem = exchange.problem();
            assertAll(
                    () -> assertEquals("eventType", problem.path("field").asText()),
                    () -> assertEquals(
                            "recordingComplete", problem.path("channel").asText()),
                    () -> assertTrue(
                            problem.path("detail").asText().contains("recording, recordComplete, recordingComplete"),
                            exchange.body()),
                    () -> assertTrue(useCase.received().isEmpty()));
        }

        @Test
        void unknownChannelIsNotFound() throws Exception {
            Exchange exchange = send(post("/voice/keypress", callEvent("dtmf")));

            assertEquals(404, exchange.status());
            JsonNode problem = exchange.problem();
            assertEquals("keypress", problem.path("channel").asText());
            assertTrue(problem.path("detail").asText().contains("conferenceCompleted"), exchange.body());
        }
    }

    @Nested
    class SharedUrl {
        @ParameterizedTest
        @CsvSource({
            "answer, " + CallAnswered.EVENT_TYPE,
            "disconnect, " + CallDisconnected.EVENT_TYPE,
            "recordComplete, " + RecordingCompleted.EVENT_TYPE,
            "recording, " + RecordingCompleted.EVENT_TYPE,
            "transcription, " + TranscriptionAvailable.EVENT_TYPE,
        })
        void routesByEventType(String postedType, String domainType) throws Exception {
            ObjectNode payload = callEvent(postedType).put("recordingId", "r-1").put("transcriptionId", "t-1");

            Exchange exchange = send(post("/voice", payload));

            assertEquals(200, exchange.status(), exchange.body());
            assertEquals(domainType, useCase.onlyEvent().eventType());
        }

        @Test
        void routesConferenceEventsToo() throws Exception {
            ObjectNode payload = contractPayload(VoiceChannel.CONFERENCE_MEMBER_JOIN);

            assertEquals(200, send(post("/voice", payload)).status());

            assertInstanceOf(ConferenceMemberJoined.class, useCase.onlyEvent());
        }

        @Test
        void unknownEventTypeOfACallIsRecordedOnItsCallAndLogged() throws Exception {
            try (CapturedLogs logged = new CapturedLogs(VoiceWebhookRoutes.class)) {
                Exchange exchange =
                        send(post("/voice", callEvent("aiAgentHandoff").put("agentId", "a-7")));

                assertEquals(200, exchange.status());
                assertEquals("", exchange.body());
                UnrecognizedCallEvent event = assertInstanceOf(UnrecognizedCallEvent.class, useCase.onlyEvent());
                assertEquals("aiAgentHandoff", event.eventType());
                assertEquals(CallId.of(Payloads.CALL_ID), event.callId());
                assertEquals("a-7", event.fields().get("agentId"));
                assertTrue(logged.has(Level.WARN, "aiAgentHandoff"), logged::toString);
            }
        }

        @Test
        void unknownEventTypeOfAConferenceIsRecordedOnItsConference() throws Exception {
            Exchange exchange = send(post("/voice", Payloads.conferenceEvent("conferenceSpeakerChanged")));

            assertEquals(200, exchange.status());
            UnrecognizedConferenceEvent event =
                    assertInstanceOf(UnrecognizedConferenceEvent.class, useCase.onlyEvent());
            assertEquals(Payloads.CONFERENCE_ID, event.entityId());
        }

        @Test
        void unknownEventTypeNamingNoCallOrConferenceIsAcknowledgedAndCounted() throws Exception {
            List<String> counted = new java.util.concurrent.CopyOnWriteArrayList<>();
            WebhookMonitor monitor = new WebhookMonitor() {
                @Override
                public void unattributedEvent(String eventType) {
                    counted.add(eventType);
                }
            };
            Exchange exchange = Exchange.send(
                    testKit.system(),
                    new VoiceWebhookRoutes(useCase, ready::get, FALLBACK, OPEN, monitor).route(),
                    post("/voice", "{\"eventType\": \"accountNotice\"}"));

            assertEquals(200, exchange.status());
            assertTrue(useCase.received().isEmpty());
            assertEquals(List.of("accountNotice"), counted);
        }

        @Test
        void badValueNamesTheChannelItWasRoutedTo() throws Exception {
            Exchange exchange = send(post("/voice", callEvent("gather").put("direction", "sideways")));

            JsonNode problem = exchange.problem();
            assertEquals("direction", problem.path("field").asText());
            assertEquals("gather", problem.path("channel").asText());
        }
    }

    @Nested
    class BadPayloads {
        private JsonNode problemFor(ObjectNode payload) throws Exception {
            Exchange exchange = send(post("/voice/answer", payload));
            assertEquals(400, exchange.status(), exchange.body());
            assertTrue(useCase.received().isEmpty());
            return exchange.problem();
        }

        @Test
        void unknownDirectionNamesDirection() throws Exception {
            JsonNode problem = problemFor(contractPayload(VoiceChannel.ANSWER).put("direction", "sideways"));

            assertEquals("direction", problem.path("field").asText());
            assertEquals("answer", problem.path("channel").asText());
            assertEquals(
                    "direction must be one of inbound, outbound, was 'sideways'",
                    problem.path("detail").asText());
        }

        @Test
        void unreadableStartTimeNamesStartTime() throws Exception {
            JsonNode problem = problemFor(contractPayload(VoiceChannel.ANSWER).put("startTime", "yesterday"));

            assertEquals("startTime", problem.path("field").asText());
        }

        @Test
        void missingCallIdNamesCallId() throws Exception {
            ObjectNode payload = contractPayload(VoiceChannel.ANSWER);
            payload.remove("callId");

            JsonNode problem = problemFor(payload);

            assertEquals("callId", problem.path("field").asText());
            assertEquals(
                    "urn:switchboard:problem:invalid-payload",
                    problem.path("type").asText());
        }

        @Test
        void malformedJsonIsABadRequest() throws Exception {
            Exchange exchange = send(post("/voice/answer", "{\"eventType\": "));

            assertEquals(400, exchange.status());
            assertTrue(exchange.problem().path("detail").asText().startsWith("Malformed JSON"), exchange.body());
        }

        @Test
        void emptyBodyIsABadRequest() throws Exception {
            Exchange exchange = send(post("/voice/answer", ""));

            assertEquals(400, exchange.status());
            exchange.problem();
            assertTrue(useCase.received().isEmpty());
        }

        @Test
        void onlyJsonBodiesAreAccepted() throws Exception {
            HttpRequest plainText = HttpRequest.POST("/voice/answer")
                    .withEntity(ContentTypes.TEXT_PLAIN_UTF8, Payloads.json(contractPayload(VoiceChannel.ANSWER)));

            Exchange exchange = send(plainText);

            assertEquals(415, exchange.status());
            assertTrue(exchange.problem().path("detail").asText().contains("application/json"), exchange.body());
            assertTrue(useCase.received().isEmpty());
        }

        @Test
        void bodyOverTheLimitIsRefusedBeforeItIsHandled() throws Exception {
            ObjectNode payload = contractPayload(VoiceChannel.ANSWER).put("padding", "x".repeat(600));

            Exchange exchange = send(OPEN.withMaxBodyBytes(512), post("/voice/answer", payload));

            assertEquals(413, exchange.status());
            assertTrue(exchange.problem().path("detail").asText().contains("512"), exchange.body());
            assertTrue(useCase.received().isEmpty());
        }

        @Test
        void streamedBodyOverTheLimitIsRefusedToo() throws Exception {
            ByteString padding = ByteString.fromString(" ".repeat(300));
            HttpRequest chunked = HttpRequest.POST("/voice/answer")
                    .withEntity(HttpEntities.createChunked(
                            ContentTypes.APPLICATION_JSON, Source.from(List.of(padding, padding, padding))));

            Exchange exchange = send(OPEN.withMaxBodyBytes(512), chunked);

            assertEquals(413, exchange.status());
            exchange.problem();
        }

        @Test
        void bodyWithinTheLimitIsHandled() throws Exception {
            String body = Payloads.json(contractPayload(VoiceChannel.ANSWER));

            Exchange exchange = send(OPEN.withMaxBodyBytes(body.length()), post("/voice/answer", body));

            assertEquals(200, exchange.status());
        }
    }

    @Nested
    class Protocol {
        @Test
        void wrongMethodOnAChannelIsNotAllowed() throws Exception {
            Exchange exchange = send(HttpRequest.create("/voice/answer").withMethod(HttpMethods.PUT));

            assertEquals(405, exchange.status());
            assertEquals(
                    List.of("GET", "POST"),
                    List.of(exchange.header("Allow").split(", ")).stream()
                            .sorted()
                            .toList());
            exchange.problem();
        }

        @Test
        void wrongMethodOnHealthIsNotAllowed() throws Exception {
            Exchange exchange = send(HttpRequest.create("/health/live").withMethod(HttpMethods.DELETE));

            assertEquals(405, exchange.status());
            assertEquals("GET", exchange.header("Allow"));
        }

        @Test
        void unknownPathIsNotFound() throws Exception {
            Exchange exchange = send(HttpRequest.GET("/callbacks"));

            assertEquals(404, exchange.status());
            exchange.problem();
        }

        @Test
        void failureOfTheUseCaseIsAServiceUnavailableWithRetryAfter() throws Exception {
            useCase.answerWith(event -> CompletableFuture.failedFuture(new IllegalStateException("shard region gone")));

            Exchange exchange = send(post("/voice/answer", contractPayload(VoiceChannel.ANSWER)));

            assertEquals(503, exchange.status());
            assertEquals("1", exchange.header("Retry-After"));
            assertFalse(exchange.body().contains("shard region gone"), "internal detail must not leak");
            exchange.problem();
        }

        @Test
        void aNewCallRefusedAtTheMemoryCeilingIsAServiceUnavailableWithRetryAfter() throws Exception {
            useCase.answerWith(event -> CompletableFuture.failedFuture(new AdmissionRefusedException(6_144)));

            Exchange exchange = send(post("/voice/initiate", contractPayload(VoiceChannel.INITIATE)));

            assertEquals(503, exchange.status());
            assertEquals("1", exchange.header("Retry-After"));
            assertTrue(exchange.problem().path("detail").asText().contains("6144 resident calls"), exchange.body());
        }

        @Test
        void emptyReplyToAnExecutedEventIsAnEmptyOk() throws Exception {
            useCase.answerWith(
                    event -> CompletableFuture.completedFuture(new EventReply(null, ReplyOrigin.FLOW_TIMED_OUT)));

            Exchange exchange = send(post("/voice/gather", contractPayload(VoiceChannel.GATHER)));

            assertEquals(200, exchange.status());
            assertEquals("", exchange.body());
        }

        @Test
        void replyIsRenderedByTheBxmlWriter() throws Exception {
            Response hangup = Response.builder()
                    .speakSentence("Goodbye & thanks")
                    .hangup()
                    .build();
            useCase.answerWith(event -> CompletableFuture.completedFuture(new EventReply(hangup, ReplyOrigin.FLOW)));

            Exchange exchange = send(post("/voice/redirect", contractPayload(VoiceChannel.REDIRECT)));

            assertEquals(bxmlWriter.write(hangup), exchange.body());
        }
    }

    @Nested
    class Authentication {
        private final HttpSettings secured = OPEN.withCredentials(CREDENTIALS);
        private final HttpRequest answer = post("/voice/answer", contractPayload(VoiceChannel.ANSWER));

        @Test
        void requestWithoutCredentialsIsChallenged() throws Exception {
            Exchange exchange = send(secured, answer);

            assertEquals(401, exchange.status());
            assertTrue(
                    exchange.header("WWW-Authenticate").startsWith("Basic realm=\"switchboard\""),
                    exchange.header("WWW-Authenticate"));
            exchange.problem();
            assertTrue(useCase.received().isEmpty());
        }

        @Test
        void challengeNamesTheConfiguredRealm() throws Exception {
            Exchange exchange = send(secured.withRealm("voice-webhooks"), answer);

            assertTrue(exchange.header("WWW-Authenticate").startsWith("Basic realm=\"voice-webhooks\""));
        }

        @Test
        void requestWithCredentialsIsHandled() throws Exception {
            Exchange exchange = send(secured, answer.addHeader(Authorization.basic("bandwidth", "s3cret-Pa55")));

            assertEquals(200, exchange.status());
            assertInstanceOf(CallAnswered.class, useCase.onlyEvent());
        }

        @Test
        void wrongPasswordIsChallengedAgain() throws Exception {
            Exchange exchange = send(secured, answer.addHeader(Authorization.basic("bandwidth", "guess")));

            assertEquals(401, exchange.status());
            assertTrue(exchange.header("WWW-Authenticate").startsWith("Basic"));
            assertFalse(exchange.body().contains("guess"));
            assertTrue(useCase.received().isEmpty());
        }

        @Test
        void wrongUsernameIsChallengedAgain() throws Exception {
            Exchange exchange = send(secured, answer.addHeader(Authorization.basic("mallory", "s3cret-Pa55")));

            assertEquals(401, exchange.status());
        }

        @Test
        void sharedUrlIsProtectedToo() throws Exception {
            assertEquals(
                    401,
                    send(secured, post("/voice", contractPayload(VoiceChannel.ANSWER)))
                            .status());
        }

        @Test
        void healthChecksNeedNoCredentials() throws Exception {
            assertEquals(200, send(secured, HttpRequest.GET("/health/live")).status());
            assertEquals(200, send(secured, HttpRequest.GET("/health/ready")).status());
        }
    }

    @Nested
    class Health {
        @Test
        void livenessIsAlwaysOk() throws Exception {
            ready.set(false);

            assertEquals(200, send(HttpRequest.GET("/health/live")).status());
        }

        @Test
        void readinessFollowsTheReadinessQuery() throws Exception {
            assertEquals(200, send(HttpRequest.GET("/health/ready")).status());

            ready.set(false);

            assertEquals(503, send(HttpRequest.GET("/health/ready")).status());
        }
    }
}
