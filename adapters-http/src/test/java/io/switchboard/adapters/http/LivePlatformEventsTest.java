package io.switchboard.adapters.http;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.server.Route;
import io.switchboard.adapters.http.json.VoiceChannel;
import io.switchboard.domain.call.BridgeCompleted;
import io.switchboard.domain.call.BridgeTargetCompleted;
import io.switchboard.domain.call.DtmfReceived;
import io.switchboard.domain.call.MachineDetectionCompleted;
import io.switchboard.domain.call.MediaStreamChange;
import io.switchboard.domain.call.MediaStreamChanged;
import io.switchboard.domain.call.RealTimeTranscriptionChange;
import io.switchboard.domain.call.RealTimeTranscriptionChanged;
import io.switchboard.domain.call.RecordingAvailable;
import io.switchboard.domain.call.RecordingStatus;
import io.switchboard.domain.call.ReferCallStatus;
import io.switchboard.domain.call.ReferCompleted;
import io.switchboard.domain.call.TransferCompleted;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.common.FileFormat;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceRecordingAvailable;
import io.switchboard.domain.conference.ConferenceRedirected;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every event type only the live platform sends, with a payload shaped like Bandwidth's own example of it
 * ({@code src/test/resources/bandwidth}), reaches the use case as its domain event with every field read: posted to
 * its own channel and to the shared URL alike.
 */
class LivePlatformEventsTest {
    private static final ActorTestKit testKit = ActorTestKit.create();

    private final FakeVoiceEventHandler useCase = new FakeVoiceEventHandler();
    private final Route route = new VoiceWebhookRoutes(
                    useCase, () -> true, VoiceWebhookRoutesTest.FALLBACK, HttpSettings.of("127.0.0.1", 0))
            .route();

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    static String example(String eventType) {
        try (InputStream in = LivePlatformEventsTest.class.getResourceAsStream("/bandwidth/" + eventType + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException missing) {
            throw new IllegalStateException("no example payload for " + eventType, missing);
        }
    }

    /** The example of {@code eventType}, posted to its channel and to {@code /voice}: both give one equal event. */
    private <E extends VoiceEvent> E receive(String eventType, Class<E> expected) throws Exception {
        String payload = example(eventType);
        for (String path : List.of("/voice/" + eventType, "/voice")) {
            Exchange exchange = Exchange.send(testKit.system(), route, Exchange.post(path, payload));
            assertEquals(200, exchange.status(), path + " answered " + exchange.body());
        }
        assertEquals(2, useCase.received().size());
        assertEquals(useCase.received().get(0), useCase.received().get(1));
        return assertInstanceOf(expected, useCase.received().get(0));
    }

    @ParameterizedTest
    @EnumSource(VoiceChannel.class)
    void everyLiveOnlyChannelHasAnExampleThatIsNotKeptAsUnrecognized(VoiceChannel channel) throws Exception {
        if (channel.inContract()) {
            return;
        }
        VoiceEvent event = receive(channel.path(), VoiceEvent.class);

        assertEquals(channel.path(), event.eventType());
        assertTrue(VoiceChannel.forEventType(event.eventType()).isPresent());
        assertTrue(!event.getClass().getSimpleName().startsWith("Unrecognized"), event::toString);
    }

    @Test
    void transferComplete() throws Exception {
        TransferCompleted event = receive("transferComplete", TransferCompleted.class);

        assertAll(
                () -> assertEquals(CallId.of("c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d"), event.callId()),
                () -> assertEquals("+15551115555", event.call().transferCallerId()),
                () -> assertEquals("+15556667777", event.call().transferTo()),
                () -> assertEquals(DisconnectCause.BUSY, event.outcome().cause()),
                () -> assertEquals("Callee is busy", event.outcome().errorMessage()),
                () -> assertEquals(
                        "4642074b-7b58-478b-96e4-3a60955c6765", event.outcome().errorId()),
                () -> assertEquals(Instant.parse("2019-07-31T13:20:39.810Z"), event.eventTime()));
    }

    @Test
    void bridgeComplete() throws Exception {
        BridgeCompleted event = receive("bridgeComplete", BridgeCompleted.class);

        assertEquals(DisconnectCause.BUSY, event.outcome().cause());
        assertTrue(event.outcome().errorMessage().contains("already bridged"));
        assertEquals(Instant.parse("2019-07-31T13:13:40.644Z"), event.call().answerTime());
    }

    @Test
    void bridgeTargetComplete() throws Exception {
        BridgeTargetCompleted event = receive("bridgeTargetComplete", BridgeTargetCompleted.class);

        assertEquals(CallId.of("c-2a913f94-6a486f3a-3cae-4034-bcc3-f0c9fa77ca2f"), event.callId());
        assertEquals(Instant.parse("2019-07-31T13:13:32.744Z"), event.call().enqueuedTime());
    }

    @Test
    void recordingAvailableKeepsItsMalformedTimestampsAsSent() throws Exception {
        RecordingAvailable event = receive("recordingAvailable", RecordingAvailable.class);

        assertAll(
                () -> assertEquals(
                        "r-115da407-e3d9-4ea7-889f-5f4ad7386a80",
                        event.recording().recordingId()),
                () -> assertEquals(1, event.recording().channels()),
                () -> assertEquals(Duration.ofMillis(20_056), event.recording().duration()),
                () -> assertEquals(FileFormat.WAV, event.recording().fileFormat()),
                () -> assertEquals(RecordingStatus.COMPLETE, event.recording().status()),
                () -> assertEquals(
                        Instant.parse("2019-09-13T16:48:48.890Z"),
                        event.recording().endTime()),
                () -> assertEquals(
                        "https://../{accountId}/calls/{callId-1}", event.call().callUrl()),
                // Bandwidth's example: a zone-less eventTime, an enqueuedTime with a dash for the T.
                () -> assertNull(event.eventTime()),
                () -> assertNull(event.call().enqueuedTime()),
                () -> assertEquals(
                        Map.of("eventTime", "2019-09-13T16:49:40.500", "enqueuedTime", "2019-09-13-16:48:27.198Z"),
                        event.call().unparsedFields()));
    }

    @Test
    void dtmf() throws Exception {
        DtmfReceived event = receive("dtmf", DtmfReceived.class);

        assertEquals("2", event.digit());
        assertEquals(Instant.parse("2019-06-20T15:54:21.322Z"), event.call().enqueuedTime());
    }

    @Test
    void machineDetectionComplete() throws Exception {
        MachineDetectionCompleted event = receive("machineDetectionComplete", MachineDetectionCompleted.class);

        assertTrue(event.result().machine());
        assertEquals(Duration.parse("PT4.9891287S"), event.result().duration());
    }

    @Test
    void machineDetectionResultAsTheBareValueOfBandwidthsPageExample() throws Exception {
        String payload = example("machineDetectionComplete")
                .replaceAll("\\{\"value\": \"answering-machine\", \"duration\": \"PT4.9891287S\"}", "\"human\"");

        assertEquals(
                200,
                Exchange.send(testKit.system(), route, Exchange.post("/voice", payload))
                        .status());

        MachineDetectionCompleted event = assertInstanceOf(MachineDetectionCompleted.class, useCase.onlyEvent());
        assertTrue(event.result().human());
        assertNull(event.result().duration());
    }

    @Test
    void mediaStreamStarted() throws Exception {
        MediaStreamChanged event = receive("mediaStreamStarted", MediaStreamChanged.class);

        assertAll(
                () -> assertEquals(MediaStreamChange.STARTED, event.change()),
                () -> assertEquals(
                        "s-95ac90b3-bfc81595-35fc-4b64-8265-fab6855b74a2",
                        event.stream().id()),
                () -> assertEquals("example_stream", event.stream().name()),
                () -> assertEquals(
                        "wss://websocket.myapp.example", event.stream().destination()),
                () -> assertEquals(
                        List.of("inbound", "outbound"), event.stream().tracks()),
                () -> assertEquals(
                        Instant.parse("2022-06-30T18:55:02.489Z"),
                        event.stream().startTime()));
    }

    @Test
    void mediaStreamRejectedWithoutAnIdIsKnownByItsNameAndReason() throws Exception {
        MediaStreamChanged event = receive("mediaStreamRejected", MediaStreamChanged.class);

        assertEquals(MediaStreamChange.REJECTED, event.change());
        assertEquals("example_stream", event.stream().id());
        assertEquals(List.of("outbound"), event.stream().tracks());
        assertTrue(event.cause().startsWith("Duplicate Stream"), event.cause());
    }

    @Test
    void mediaStreamStopped() throws Exception {
        MediaStreamChanged event = receive("mediaStreamStopped", MediaStreamChanged.class);

        assertEquals(MediaStreamChange.STOPPED, event.change());
        assertEquals(Duration.parse("PT1M52.217257456S"), event.stream().duration());
        assertEquals("closed", event.cause());
    }

    @Test
    void realTimeTranscriptionStartedWithItsStabilizedFlagWrittenAsText() throws Exception {
        RealTimeTranscriptionChanged event =
                receive("realTimeTranscriptionStarted", RealTimeTranscriptionChanged.class);

        assertAll(
                () -> assertEquals(RealTimeTranscriptionChange.STARTED, event.change()),
                () -> assertEquals(
                        "t-95ac90b3-bfc81595-35fc-4b64-8265-fab6855b74a2",
                        event.transcription().id()),
                () -> assertEquals(Boolean.TRUE, event.transcription().stabilized()),
                () -> assertEquals(
                        "wss://websocket.myapp.example", event.transcription().destination()),
                () -> assertEquals(
                        List.of("inbound", "outbound"), event.transcription().tracks()));
    }

    @Test
    void realTimeTranscriptionRejectedNestedAsTranscription() throws Exception {
        RealTimeTranscriptionChanged event =
                receive("realTimeTranscriptionRejected", RealTimeTranscriptionChanged.class);

        assertEquals(RealTimeTranscriptionChange.REJECTED, event.change());
        assertEquals(
                "t-95ac90b3-a2b4fd9b-579c-4cc7-898e-3d257c7a042b",
                event.transcription().id());
        assertEquals("duplicate", event.cause());
        assertTrue(event.errorMessage().contains("already exists"));
    }

    @Test
    void realTimeTranscriptionStopped() throws Exception {
        RealTimeTranscriptionChanged event =
                receive("realTimeTranscriptionStopped", RealTimeTranscriptionChanged.class);

        assertEquals(RealTimeTranscriptionChange.STOPPED, event.change());
        assertEquals(Duration.parse("PT1M52.217257456S"), event.transcription().duration());
        assertEquals("closed", event.cause());
    }

    @Test
    void realTimeTranscriptionAvailable() throws Exception {
        RealTimeTranscriptionChanged event =
                receive("realTimeTranscriptionAvailable", RealTimeTranscriptionChanged.class);

        assertEquals(RealTimeTranscriptionChange.AVAILABLE, event.change());
        assertEquals("available", event.transcription().status());
        assertTrue(event.transcription()
                .url()
                .endsWith("/transcriptions/t-95ac90b3-bfc81595-35fc-4b64-8265-fab6855b74a2"));
        assertEquals(
                Instant.parse("2022-06-30T18:55:02.489Z"), event.transcription().completedTime());
    }

    @Test
    void referComplete() throws Exception {
        ReferCompleted event = receive("referComplete", ReferCompleted.class);

        assertAll(
                () -> assertEquals(ReferCallStatus.FAILURE, event.referCallStatus()),
                () -> assertEquals(202, event.referSipResponseCode()),
                () -> assertEquals(486, event.notifySipResponseCode()),
                () -> assertEquals("sip:agent@pbx.example.com", event.referTo()),
                () -> assertEquals("refer-attempt-1", event.call().tag()));
    }

    @Test
    void conferenceRedirect() throws Exception {
        ConferenceRedirected event = receive("conferenceRedirect", ConferenceRedirected.class);

        assertEquals(ConferenceId.of("conf-59082d52-4a2ab5be-ce26-43ed-af94-431b8a19d4e3"), event.conferenceId());
        assertEquals("thisConference", event.conference().name());
    }

    @Test
    void conferenceRecordingAvailable() throws Exception {
        ConferenceRecordingAvailable event =
                receive("conferenceRecordingAvailable", ConferenceRecordingAvailable.class);

        assertAll(
                () -> assertEquals("55555555", event.accountId()),
                () -> assertEquals(
                        "r-115da407-e3d9-4ea7-889f-5f4ad7386a80",
                        event.recording().recordingId()),
                () -> assertEquals(
                        Instant.parse("2019-09-13T16:48:29.235Z"),
                        event.recording().startTime()),
                () -> assertEquals(Duration.ofMillis(20_056), event.recording().duration()),
                () -> assertEquals(RecordingStatus.COMPLETE, event.recording().status()));
    }

    @Test
    void everyLiveOnlyEventTypeOfBandwidthsCatalogueHasAChannel() {
        List<String> catalogue = Arrays.asList(
                "transferComplete",
                "bridgeComplete",
                "bridgeTargetComplete",
                "recordingAvailable",
                "conferenceRedirect",
                "conferenceRecordingAvailable",
                "dtmf",
                "machineDetectionComplete",
                "mediaStreamStarted",
                "mediaStreamRejected",
                "mediaStreamStopped",
                "realTimeTranscriptionStarted",
                "realTimeTranscriptionRejected",
                "realTimeTranscriptionStopped",
                "realTimeTranscriptionAvailable",
                "referComplete");

        catalogue.forEach(eventType -> assertEquals(
                eventType,
                VoiceChannel.forPath(eventType).orElseThrow().eventTypes().get(0)));
        assertEquals(
                catalogue.size(),
                Arrays.stream(VoiceChannel.values())
                        .filter(c -> !c.inContract())
                        .count());
    }
}
