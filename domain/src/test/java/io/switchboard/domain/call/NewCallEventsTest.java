package io.switchboard.domain.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.common.ReplyExpectation;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The call events of the live platform beyond the contract: their wire names, reply expectations and checks. */
class NewCallEventsTest {
    private static final CallEnding BUSY = CallEnding.of(DisconnectCause.BUSY);
    private static final Recording RECORDING = Recording.withId("r-1");
    private static final MachineDetectionResult HUMAN = new MachineDetectionResult("human", Duration.ofSeconds(2));
    private static final MediaStream STREAM = MediaStream.withId("s-1");
    private static final RealTimeTranscription TRANSCRIPTION = RealTimeTranscription.withId("t-1");

    static Stream<Arguments> wireNamesAndExpectations() {
        CallEvents call = CallEvents.newCall();
        return Stream.of(
                Arguments.of(
                        call.transferComplete(DisconnectCause.HANGUP), "transferComplete", ReplyExpectation.EXECUTED),
                Arguments.of(call.bridgeComplete(DisconnectCause.BUSY), "bridgeComplete", ReplyExpectation.EXECUTED),
                Arguments.of(call.bridgeTargetComplete(), "bridgeTargetComplete", ReplyExpectation.EXECUTED),
                Arguments.of(
                        call.referComplete(ReferCallStatus.FAILURE, 403), "referComplete", ReplyExpectation.EXECUTED),
                Arguments.of(call.recordingAvailable(RECORDING), "recordingAvailable", ReplyExpectation.IGNORED),
                Arguments.of(call.dtmf("5"), "dtmf", ReplyExpectation.IGNORED),
                Arguments.of(call.machineDetection("human"), "machineDetectionComplete", ReplyExpectation.IGNORED),
                Arguments.of(
                        call.mediaStream(MediaStreamChange.STARTED, "s-1"),
                        "mediaStreamStarted",
                        ReplyExpectation.IGNORED),
                Arguments.of(
                        call.mediaStream(MediaStreamChange.REJECTED, "s-1"),
                        "mediaStreamRejected",
                        ReplyExpectation.IGNORED),
                Arguments.of(
                        call.mediaStream(MediaStreamChange.STOPPED, "s-1"),
                        "mediaStreamStopped",
                        ReplyExpectation.IGNORED),
                Arguments.of(
                        call.realTimeTranscription(RealTimeTranscriptionChange.STARTED, "t-1"),
                        "realTimeTranscriptionStarted",
                        ReplyExpectation.IGNORED),
                Arguments.of(
                        call.realTimeTranscription(RealTimeTranscriptionChange.REJECTED, "t-1"),
                        "realTimeTranscriptionRejected",
                        ReplyExpectation.IGNORED),
                Arguments.of(
                        call.realTimeTranscription(RealTimeTranscriptionChange.STOPPED, "t-1"),
                        "realTimeTranscriptionStopped",
                        ReplyExpectation.IGNORED),
                Arguments.of(
                        call.realTimeTranscription(RealTimeTranscriptionChange.AVAILABLE, "t-1"),
                        "realTimeTranscriptionAvailable",
                        ReplyExpectation.IGNORED),
                Arguments.of(
                        call.unrecognized("someFutureEvent", Map.of()), "someFutureEvent", ReplyExpectation.IGNORED));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("wireNamesAndExpectations")
    void eventHasItsWireNameAndReplyExpectation(CallEvent event, String wireName, ReplyExpectation expectation) {
        assertEquals(wireName, event.eventType());
        assertEquals(expectation, event.replyExpectation());
        assertEquals(event.call().callId().value(), event.entityId());
        assertEquals(event.call().eventTime(), event.eventTime());
    }

    static Stream<Arguments> withoutCall() {
        return Stream.of(
                Arguments.of("TransferCompleted", (Executable) () -> new TransferCompleted(null, BUSY)),
                Arguments.of("BridgeCompleted", (Executable) () -> new BridgeCompleted(null, BUSY)),
                Arguments.of("BridgeTargetCompleted", (Executable) () -> new BridgeTargetCompleted(null)),
                Arguments.of("RecordingAvailable", (Executable) () -> new RecordingAvailable(null, RECORDING)),
                Arguments.of("DtmfReceived", (Executable) () -> new DtmfReceived(null, "1")),
                Arguments.of(
                        "MachineDetectionCompleted", (Executable) () -> new MachineDetectionCompleted(null, HUMAN)),
                Arguments.of("MediaStreamChanged", (Executable)
                        () -> new MediaStreamChanged(null, MediaStreamChange.STARTED, STREAM, null, null)),
                Arguments.of("RealTimeTranscriptionChanged", (Executable) () -> new RealTimeTranscriptionChanged(
                        null, RealTimeTranscriptionChange.STARTED, TRANSCRIPTION, null, null)),
                Arguments.of("ReferCompleted", (Executable)
                        () -> new ReferCompleted(null, ReferCallStatus.SUCCESS, null, null, null)),
                Arguments.of(
                        "UnrecognizedCallEvent", (Executable) () -> new UnrecognizedCallEvent(null, "x", Map.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutCall")
    void eventWithoutItsCallIsRefusedNamingTheField(String kind, Executable construction) {
        NullPointerException refused = assertThrows(NullPointerException.class, construction);
        assertEquals("call", refused.getMessage());
    }

    private static CallDetails details() {
        return CallDetails.builder(CallId.of("c-validation")).build();
    }

    static Stream<Arguments> missingOrBlankRequiredValues() {
        CallDetails call = details();
        String tooLong = "x".repeat(65);
        return Stream.of(
                Arguments.of("outcome", (Executable) () -> new TransferCompleted(call, null)),
                Arguments.of("outcome", (Executable) () -> new BridgeCompleted(call, null)),
                Arguments.of("recording", (Executable) () -> new RecordingAvailable(call, null)),
                Arguments.of("recordingId", (Executable) () -> new RecordingAvailable(call, Recording.withId(" "))),
                Arguments.of("digit", (Executable) () -> new DtmfReceived(call, null)),
                Arguments.of("digit", (Executable) () -> new DtmfReceived(call, " ")),
                Arguments.of("digit", (Executable) () -> new DtmfReceived(call, "123456789")),
                Arguments.of("result", (Executable) () -> new MachineDetectionCompleted(call, null)),
                Arguments.of("machineDetectionResult.value", (Executable) () -> new MachineDetectionResult("", null)),
                Arguments.of("machineDetectionResult.duration", (Executable)
                        () -> new MachineDetectionResult("human", Duration.ofSeconds(-1))),
                Arguments.of("change", (Executable) () -> new MediaStreamChanged(call, null, STREAM, null, null)),
                Arguments.of("stream", (Executable)
                        () -> new MediaStreamChanged(call, MediaStreamChange.STOPPED, null, null, null)),
                Arguments.of("mediaStream.id", (Executable) () -> MediaStream.withId(" ")),
                Arguments.of("change", (Executable)
                        () -> new RealTimeTranscriptionChanged(call, null, TRANSCRIPTION, null, null)),
                Arguments.of("transcription", (Executable) () -> new RealTimeTranscriptionChanged(
                        call, RealTimeTranscriptionChange.AVAILABLE, null, null, null)),
                Arguments.of("realTimeTranscription.id", (Executable) () -> RealTimeTranscription.withId(null)),
                Arguments.of("referCallStatus", (Executable) () -> new ReferCompleted(call, null, 200, 200, null)),
                Arguments.of("referSipResponseCode", (Executable)
                        () -> new ReferCompleted(call, ReferCallStatus.FAILURE, 99, null, null)),
                Arguments.of("notifySipResponseCode", (Executable)
                        () -> new ReferCompleted(call, ReferCallStatus.FAILURE, null, 700, null)),
                Arguments.of("referTo", (Executable)
                        () -> new ReferCompleted(call, ReferCallStatus.SUCCESS, null, null, "  ")),
                Arguments.of("eventType", (Executable) () -> new UnrecognizedCallEvent(call, null, Map.of())),
                Arguments.of("eventType", (Executable) () -> new UnrecognizedCallEvent(call, " ", Map.of())),
                Arguments.of("eventType", (Executable) () -> new UnrecognizedCallEvent(call, tooLong, Map.of())),
                Arguments.of("eventType", (Executable) () -> new UnrecognizedCallEvent(call, "bad\ntype", Map.of())),
                Arguments.of("fields['raw']", (Executable) () -> {
                    Map<String, String> fields = new HashMap<>();
                    fields.put("raw", null);
                    new UnrecognizedCallEvent(call, "someFutureEvent", fields);
                }),
                Arguments.of("unparsed field name", (Executable)
                        () -> CallDetails.builder(CallId.of("c-1")).unparsed(" ", "x")),
                Arguments.of("rawValue of unparsed field answerTime", (Executable)
                        () -> CallDetails.builder(CallId.of("c-1")).unparsed("answerTime", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingOrBlankRequiredValues")
    void missingOrBlankRequiredValueIsRefusedNamingTheField(String field, Executable construction) {
        RuntimeException refused = assertThrows(RuntimeException.class, construction);
        assertTrue(
                refused instanceof NullPointerException || refused instanceof IllegalArgumentException,
                refused.toString());
        assertTrue(refused.getMessage() != null && refused.getMessage().startsWith(field), refused.getMessage());
    }

    @Test
    void unrecognizedEventKeepsAnImmutableCopyOfItsFields() {
        Map<String, String> sent = new HashMap<>(Map.of("agentId", "a-1", "details", "{\"score\":3}"));
        UnrecognizedCallEvent event = new UnrecognizedCallEvent(details(), "aiAgentHandoff", sent);
        sent.put("agentId", "changed later");
        assertEquals(Map.of("agentId", "a-1", "details", "{\"score\":3}"), event.fields());
        assertThrows(UnsupportedOperationException.class, () -> event.fields().put("x", "y"));
        assertEquals(
                Map.of(),
                new UnrecognizedCallEvent(details(), "x".repeat(64), null).fields(),
                "64 characters is the longest event type; no fields is an empty map");
    }

    @Test
    void mediaStreamAndTranscriptionTracksAreImmutableCopies() {
        List<String> tracks = new java.util.ArrayList<>(List.of("inbound"));
        MediaStream stream = new MediaStream("s-1", null, null, tracks, null, null);
        RealTimeTranscription transcription =
                new RealTimeTranscription("t-1", null, tracks, null, null, null, null, null, null, null);
        tracks.add("outbound");
        assertEquals(List.of("inbound"), stream.tracks());
        assertEquals(List.of("inbound"), transcription.tracks());
        assertEquals(List.of(), new MediaStream("s-2", null, null, null, null, null).tracks());
    }

    @Test
    void referOutcomeCarriesWhatTheEventSaid() {
        ReferCompleted refer = new ReferCompleted(details(), ReferCallStatus.FAILURE, 486, null, "sip:a@b.test");
        assertEquals(new ReferOutcome(ReferCallStatus.FAILURE, 486, null, "sip:a@b.test"), refer.outcome());
    }

    @Test
    void machineDetectionVerdictsAreReadAsSent() {
        assertTrue(new MachineDetectionResult(MachineDetectionResult.HUMAN, null).human());
        assertTrue(new MachineDetectionResult(MachineDetectionResult.TONE_DETECTED, null).machine());
        MachineDetectionResult silence = new MachineDetectionResult(MachineDetectionResult.SILENCE, null);
        assertTrue(!silence.human() && !silence.machine());
    }
}
