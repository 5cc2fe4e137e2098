package io.switchboard.adapters.http.json;

import static io.switchboard.adapters.http.Payloads.CALL_ID;
import static io.switchboard.adapters.http.Payloads.CALL_URL;
import static io.switchboard.adapters.http.Payloads.CONFERENCE_ID;
import static io.switchboard.adapters.http.Payloads.PARENT_CALL_ID;
import static io.switchboard.adapters.http.Payloads.callEvent;
import static io.switchboard.adapters.http.Payloads.conferenceEvent;
import static io.switchboard.adapters.http.Payloads.contractPayload;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.adapters.http.Payloads;
import io.switchboard.domain.call.CallAnswered;
import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallRedirected;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.call.Recording;
import io.switchboard.domain.call.RecordingCompleted;
import io.switchboard.domain.call.RecordingStatus;
import io.switchboard.domain.call.TranscriptionAvailable;
import io.switchboard.domain.call.TransferAnswered;
import io.switchboard.domain.call.TransferDisconnected;
import io.switchboard.domain.call.UnrecognizedCallEvent;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.common.FileFormat;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceCompleted;
import io.switchboard.domain.conference.ConferenceCreated;
import io.switchboard.domain.conference.ConferenceMember;
import io.switchboard.domain.conference.ConferenceMemberExited;
import io.switchboard.domain.conference.ConferenceMemberJoined;
import io.switchboard.domain.conference.UnrecognizedConferenceEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class VoiceEventDecoderTest {
    private final VoiceEventDecoder decoder = new VoiceEventDecoder(Payloads.MAPPER);

    private VoiceEvent decode(VoiceChannel channel, ObjectNode payload) {
        return decoder.decode(channel, bytes(Payloads.json(payload)));
    }

    private InvalidPayloadException rejected(VoiceChannel channel, ObjectNode payload) {
        return rejected(channel, Payloads.json(payload));
    }

    private InvalidPayloadException rejected(VoiceChannel channel, String body) {
        return assertThrows(InvalidPayloadException.class, () -> decoder.decode(channel, bytes(body)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class CallEvents {
        @Test
        void answerCarriesEveryCommonField() {
            ObjectNode payload = contractPayload(VoiceChannel.ANSWER)
                    .put("eventTime", "2019-06-20T15:54:25.500Z")
                    .put("enqueuedTime", "2019-06-20T15:54:21.000Z")
                    .put("someFieldBandwidthAddedLater", "ignored");

            CallDetails call = assertInstanceOf(CallAnswered.class, decode(VoiceChannel.ANSWER, payload))
                    .call();

            assertAll(
                    () -> assertEquals(CallId.of(CALL_ID), call.callId()),
                    () -> assertEquals(Instant.parse("2019-06-20T15:54:25.500Z"), call.eventTime()),
                    () -> assertEquals(Payloads.ACCOUNT_ID, call.accountId()),
                    () -> assertEquals(Payloads.APPLICATION_ID, call.applicationId()),
                    () -> assertEquals(Payloads.FROM, call.from()),
                    () -> assertEquals(Payloads.TO, call.to()),
                    () -> assertEquals(Direction.OUTBOUND, call.direction()),
                    () -> assertEquals(CALL_URL, call.callUrl()),
                    () -> assertEquals(Instant.parse(Payloads.START_TIME), call.startTime()),
                    () -> assertEquals(Instant.parse("2019-06-20T15:54:25.432Z"), call.answerTime()),
                    () -> assertEquals(Instant.parse("2019-06-20T15:54:21.000Z"), call.enqueuedTime()),
                    () -> assertEquals("customer-42", call.tag()),
                    () -> assertNull(call.parentCallId()));
        }

        @Test
        void eventsOfOneCallShareTheTextTheyRepeat() {
            // Each decoded from bytes of its own, as two webhooks are: equal values, yet one copy of each.
            CallDetails first = assertInstanceOf(
                            CallInitiated.class, decode(VoiceChannel.INITIATE, contractPayload(VoiceChannel.INITIATE)))
                    .call();
            CallDetails second = assertInstanceOf(
                            CallDisconnected.class,
                            decode(VoiceChannel.DISCONNECT, contractPayload(VoiceChannel.DISCONNECT)))
                    .call();

            assertAll(
                    () -> assertSame(first.callId().value(), second.callId().value(), "callId"),
                    () -> assertSame(first.callUrl(), second.callUrl(), "callUrl"),
                    () -> assertSame(first.from(), second.from(), "from"),
                    () -> assertSame(first.to(), second.to(), "to"),
                    () -> assertSame(first.accountId(), second.accountId(), "accountId"),
                    () -> assertSame(first.applicationId(), second.applicationId(), "applicationId"),
                    () -> assertSame(first.startTime(), second.startTime(), "startTime"));
        }

        @Test
        void callUrlIsKeptAsSentEvenWhenNotAValidUri() {
            ObjectNode payload = callEvent("initiate").put("callUrl", "https://../{accountId}/calls/{callId-1}");

            CallInitiated event = assertInstanceOf(CallInitiated.class, decode(VoiceChannel.INITIATE, payload));

            assertEquals("https://../{accountId}/calls/{callId-1}", event.call().callUrl());
        }

        @Test
        void optionalCommonFieldsMayBeAbsent() {
            ObjectNode payload = Payloads.MAPPER
                    .createObjectNode()
                    .put("eventType", "redirect")
                    .put("callId", CALL_ID);

            CallDetails call = assertInstanceOf(CallRedirected.class, decode(VoiceChannel.REDIRECT, payload))
                    .call();

            assertAll(
                    () -> assertNull(call.direction()),
                    () -> assertNull(call.startTime()),
                    () -> assertNull(call.tag()),
                    () -> assertNull(call.eventTime()));
        }

        @Test
        void disconnectCarriesHowTheCallEnded() {
            ObjectNode payload = contractPayload(VoiceChannel.DISCONNECT)
                    .put("cause", "node-capacity-exceeded")
                    .put("errorMessage", "Too busy")
                    .put("errorId", "e-1");

            CallDisconnected event = assertInstanceOf(CallDisconnected.class, decode(VoiceChannel.DISCONNECT, payload));

            assertAll(
                    () -> assertEquals(
                            DisconnectCause.NODE_CAPACITY_EXCEEDED,
                            event.ending().cause()),
                    () -> assertEquals(
                            Instant.parse("2019-06-20T15:59:22.234Z"),
                            event.ending().endTime()),
                    () -> assertEquals("Too busy", event.ending().errorMessage()),
                    () -> assertEquals("e-1", event.ending().errorId()));
        }

        @Test
        void disconnectCauseIsAnOpenSetAndDefaultsToUnknown() {
            ObjectNode unheardOf = contractPayload(VoiceChannel.DISCONNECT).put("cause", "solar-flare");
            ObjectNode absent = contractPayload(VoiceChannel.DISCONNECT);
            absent.remove("cause");

            assertEquals(
                    new DisconnectCause("solar-flare"),
                    ((CallDisconnected) decode(VoiceChannel.DISCONNECT, unheardOf))
                            .ending()
                            .cause());
            assertEquals(
                    DisconnectCause.UNKNOWN,
                    ((CallDisconnected) decode(VoiceChannel.DISCONNECT, absent))
                            .ending()
                            .cause());
        }

        @Test
        void transferAnswerReadsTheContractsTransferCallId() {
            TransferAnswered event = assertInstanceOf(
                    TransferAnswered.class,
                    decode(VoiceChannel.TRANSFER_ANSWER, contractPayload(VoiceChannel.TRANSFER_ANSWER)));

            assertEquals(CallId.of(PARENT_CALL_ID), event.call().parentCallId());
            assertEquals("+15555555557", event.call().transferTo());
        }

        @Test
        void transferDisconnectReadsTheLivePlatformsParentCallIdAndCallerId() {
            ObjectNode payload = callEvent("transferDisconnect")
                    .put("parentCallId", PARENT_CALL_ID)
                    .put("transferCallerId", "+15555550000")
                    .put("transferTo", "sip:agent@example.com")
                    .put("cause", "busy");

            TransferDisconnected event =
                    assertInstanceOf(TransferDisconnected.class, decode(VoiceChannel.TRANSFER_DISCONNECT, payload));

            assertAll(
                    () -> assertEquals(CallId.of(PARENT_CALL_ID), event.call().parentCallId()),
                    () -> assertEquals("+15555550000", event.call().transferCallerId()),
                    () -> assertEquals("sip:agent@example.com", event.call().transferTo()),
                    () -> assertEquals(DisconnectCause.BUSY, event.ending().cause()));
        }

        @Test
        void gatherCarriesDigitsAndTerminatingDigit() {
            GatherCompleted event = assertInstanceOf(
                    GatherCompleted.class,
                    decode(
                            VoiceChannel.GATHER,
                            contractPayload(VoiceChannel.GATHER).put("digits", "4711")));

            assertEquals("4711", event.digits());
            assertEquals("#", event.terminatingDigit());
        }

        @Test
        void gatherWithoutDigitsIsAnEmptyGather() {
            ObjectNode payload = callEvent("gather");

            GatherCompleted event = assertInstanceOf(GatherCompleted.class, decode(VoiceChannel.GATHER, payload));

            assertEquals("", event.digits());
            assertEquals("", event.terminatingDigit());
        }
    }

    @Nested
    class Recordings {
        @Test
        void contractRecordingEventCarriesTheRecording() {
            RecordingCompleted event = assertInstanceOf(
                    RecordingCompleted.class,
                    decode(VoiceChannel.RECORDING_COMPLETE, contractPayload(VoiceChannel.RECORDING_COMPLETE)));

            Recording recording = event.recording();
            assertAll(
                    () -> assertEquals("r-fbe05094-87bd8d7d-7c53-4bdb-bd1f-0e3c1eb9be22", recording.recordingId()),
                    () -> assertEquals(Duration.ofMillis(20056), recording.duration()),
                    () -> assertEquals(1, recording.channels()),
                    () -> assertEquals(FileFormat.WAV, recording.fileFormat()),
                    () -> assertEquals(RecordingStatus.COMPLETE, recording.status()),
                    () -> assertEquals("https://voice.bandwidth.com/api/v2/recordings/r-1/media", recording.mediaUrl()),
                    () -> assertEquals(CallId.of(CALL_ID), event.callId()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"recordComplete", "recordingComplete"})
        void liveRecordCompleteNamesWithoutStatusAreTheSameEvent(String eventType) {
            ObjectNode payload = contractPayload(VoiceChannel.RECORDING_COMPLETE)
                    .put("eventType", eventType)
                    .put("fileFormat", "mp3")
                    .put("channels", 2)
                    .put("endTime", "2019-06-20T15:55:00.000Z")
                    .put("parentCallId", PARENT_CALL_ID);
            payload.remove("status");

            RecordingCompleted event =
                    assertInstanceOf(RecordingCompleted.class, decode(VoiceChannel.RECORDING_COMPLETE, payload));

            assertAll(
                    () -> assertNull(event.recording().status()),
                    () -> assertEquals(FileFormat.MP3, event.recording().fileFormat()),
                    () -> assertEquals(2, event.recording().channels()),
                    () -> assertEquals(
                            Instant.parse("2019-06-20T15:55:00.000Z"),
                            event.recording().endTime()),
                    () -> assertEquals(CallId.of(PARENT_CALL_ID), event.call().parentCallId()));
        }

        @Test
        void contractTranscriptionIsFlat() {
            TranscriptionAvailable event = assertInstanceOf(
                    TranscriptionAvailable.class,
                    decode(
                            VoiceChannel.TRANSCRIPTION_AVAILABLE,
                            contractPayload(VoiceChannel.TRANSCRIPTION_AVAILABLE)));

            assertEquals("t-aa11", event.transcription().id());
            assertEquals(
                    "https://voice.bandwidth.com/api/v2/transcriptions/t-aa11",
                    event.transcription().url());
            assertEquals(
                    "r-fbe05094-87bd8d7d-7c53-4bdb-bd1f-0e3c1eb9be22",
                    event.recording().recordingId());
        }

        @Test
        void liveTranscriptionIsNested() {
            ObjectNode payload = callEvent("transcriptionAvailable")
                    .put("recordingId", "r-1")
                    .put("duration", "PT1M2S");
            payload.putObject("transcription")
                    .put("id", "t-nested")
                    .put("url", "https://voice.bandwidth.com/t-nested")
                    .put("status", "available")
                    .put("completedTime", "2019-06-20T16:00:00.000Z");

            TranscriptionAvailable event = assertInstanceOf(
                    TranscriptionAvailable.class, decode(VoiceChannel.TRANSCRIPTION_AVAILABLE, payload));

            assertAll(
                    () -> assertEquals("t-nested", event.transcription().id()),
                    () -> assertEquals(
                            "https://voice.bandwidth.com/t-nested",
                            event.transcription().url()),
                    () -> assertEquals("available", event.transcription().status()),
                    () -> assertEquals(
                            Instant.parse("2019-06-20T16:00:00.000Z"),
                            event.transcription().completedTime()),
                    () -> assertEquals(Duration.ofSeconds(62), event.recording().duration()));
        }

        @Test
        void transcriptionWithoutRecordingIdHasNoRecording() {
            ObjectNode payload = contractPayload(VoiceChannel.TRANSCRIPTION_AVAILABLE);
            payload.remove("recordingId");

            TranscriptionAvailable event = assertInstanceOf(
                    TranscriptionAvailable.class, decode(VoiceChannel.TRANSCRIPTION_AVAILABLE, payload));

            assertNull(event.recording());
            assertEquals("t-aa11", event.transcription().id());
        }
    }

    @Nested
    class ConferenceEvents {
        @Test
        void createdCarriesTheConferenceDetails() {
            ObjectNode payload =
                    contractPayload(VoiceChannel.CONFERENCE_CREATED).put("eventTime", "2019-06-20T15:54:30.000Z");

            ConferenceCreated event =
                    assertInstanceOf(ConferenceCreated.class, decode(VoiceChannel.CONFERENCE_CREATED, payload));

            assertAll(
                    () -> assertEquals(ConferenceId.of(CONFERENCE_ID), event.conferenceId()),
                    () -> assertEquals("sales-huddle", event.conference().name()),
                    () -> assertEquals("team-a", event.conference().tag()),
                    () -> assertEquals(Instant.parse("2019-06-20T15:54:30.000Z"), event.eventTime()));
        }

        @Test
        void memberJoinCarriesTheLivePlatformsFromAndTo() {
            ObjectNode payload = contractPayload(VoiceChannel.CONFERENCE_MEMBER_JOIN)
                    .put("from", "+15555551111")
                    .put("to", "+15555552222");

            ConferenceMemberJoined event = assertInstanceOf(
                    ConferenceMemberJoined.class, decode(VoiceChannel.CONFERENCE_MEMBER_JOIN, payload));

            assertEquals(new ConferenceMember(CallId.of(CALL_ID), "+15555551111", "+15555552222"), event.member());
        }

        @Test
        void memberExitOfTheContractHasOnlyTheCallId() {
            ConferenceMemberExited event = assertInstanceOf(
                    ConferenceMemberExited.class,
                    decode(VoiceChannel.CONFERENCE_MEMBER_EXIT, contractPayload(VoiceChannel.CONFERENCE_MEMBER_EXIT)));

            assertEquals(new ConferenceMember(CallId.of(CALL_ID), null, null), event.member());
            assertEquals(ConferenceId.of(CONFERENCE_ID), event.conferenceId());
        }

        @Test
        void completedNeedsOnlyTheConferenceId() {
            ConferenceCompleted event = assertInstanceOf(
                    ConferenceCompleted.class,
                    decode(VoiceChannel.CONFERENCE_COMPLETED, conferenceEvent("conferenceCompleted")));

            assertEquals(ConferenceId.of(CONFERENCE_ID), event.conferenceId());
        }

        @Test
        void memberEventWithoutCallIdNamesCallId() {
            InvalidPayloadException invalid =
                    rejected(VoiceChannel.CONFERENCE_MEMBER_JOIN, conferenceEvent("conferenceMemberJoin"));

            assertEquals(Optional.of("callId"), invalid.field());
        }

        @Test
        void missingConferenceIdNamesConferenceId() {
            ObjectNode payload = conferenceEvent("conferenceCreated");
            payload.remove("conferenceId");

            InvalidPayloadException invalid = rejected(VoiceChannel.CONFERENCE_CREATED, payload);

            assertEquals(Optional.of("conferenceId"), invalid.field());
            assertEquals(Optional.of("conferenceCreated"), invalid.channel());
        }
    }

    @Nested
    class SharedUrl {
        @Test
        void picksTheEventByItsType() {
            DecodedWebhook decoded = decoder.decode(
                    bytes(Payloads.json(callEvent("recordComplete").put("recordingId", "r-9"))));

            assertEquals("recordComplete", decoded.eventType());
            assertInstanceOf(RecordingCompleted.class, decoded.event().orElseThrow());
        }

        @Test
        void unknownEventTypeOfACallIsAnUnrecognizedEventOfThatCall() {
            ObjectNode payload = callEvent("aiAgentHandoff")
                    .put("agentId", "a-1")
                    .put("attempt", 2)
                    .put("eventTime", "2019-06-20T15:54:25")
                    .put("direction", "sideways");
            payload.putObject("details").put("score", 0.9);

            UnrecognizedCallEvent event = assertInstanceOf(
                    UnrecognizedCallEvent.class,
                    decoder.decode(bytes(Payloads.json(payload))).event().orElseThrow());

            assertAll(
                    () -> assertEquals("aiAgentHandoff", event.eventType()),
                    () -> assertEquals(CallId.of(CALL_ID), event.callId()),
                    () -> assertEquals(
                            java.util.Map.of("agentId", "a-1", "attempt", "2", "details", "{\"score\":0.9}"),
                            event.fields()),
                    () -> assertEquals(
                            java.util.Map.of("eventTime", "2019-06-20T15:54:25", "direction", "sideways"),
                            event.call().unparsedFields()),
                    () -> assertNull(event.call().direction()),
                    () -> assertEquals("customer-42", event.call().tag()));
        }

        @Test
        void unknownEventTypeOfAConferenceIsAnUnrecognizedEventOfThatConference() {
            UnrecognizedConferenceEvent event = assertInstanceOf(
                    UnrecognizedConferenceEvent.class,
                    decoder.decode(bytes(Payloads.json(
                                    conferenceEvent("conferenceSpeakerChanged").put("speaker", CALL_ID))))
                            .event()
                            .orElseThrow());

            assertEquals(ConferenceId.of(CONFERENCE_ID), event.conferenceId());
            assertEquals(java.util.Map.of("speaker", CALL_ID), event.fields());
        }

        @Test
        void unknownEventTypeNamingNeitherDecodesToNoEvent() {
            DecodedWebhook decoded = decoder.decode(bytes("{\"eventType\": \"accountNotice\", \"level\": 3}"));

            assertEquals("accountNotice", decoded.eventType());
            assertTrue(decoded.event().isEmpty());
        }

        @Test
        void unknownEventTypeWithABrokenCallIdIsRefused() {
            InvalidPayloadException invalid = assertThrows(
                    InvalidPayloadException.class,
                    () -> decoder.decode(
                            bytes(Payloads.json(callEvent("aiAgentHandoff").put("callId", "c\u0007")))));

            assertEquals(Optional.of("callId"), invalid.field());
        }

        @Test
        void faultsNameTheChannelChosenByEventType() {
            ObjectNode payload = callEvent("gather").put("direction", "sideways");

            InvalidPayloadException invalid =
                    assertThrows(InvalidPayloadException.class, () -> decoder.decode(bytes(Payloads.json(payload))));

            assertEquals(Optional.of("direction"), invalid.field());
            assertEquals(Optional.of("gather"), invalid.channel());
        }
    }

    @Nested
    class Faults {
        @ParameterizedTest
        @EnumSource(VoiceChannel.class)
        void everyChannelRefusesAnotherChannelsEventTypeNamingWhatItAccepts(VoiceChannel channel) {
            String foreign = channel == VoiceChannel.GATHER ? "disconnect" : "gather";

            InvalidPayloadException invalid =
                    rejected(channel, Payloads.payloadOf(channel).put("eventType", foreign));

            assertEquals(Optional.of("eventType"), invalid.field());
            assertEquals(Optional.of(channel.path()), invalid.channel());
            channel.eventTypes().forEach(accepted -> assertTrue(invalid.detail().contains(accepted), invalid.detail()));
        }

        @Test
        void unknownDirectionNamesDirectionAndWhatIsAllowed() {
            InvalidPayloadException invalid = rejected(
                    VoiceChannel.ANSWER, contractPayload(VoiceChannel.ANSWER).put("direction", "sideways"));

            assertEquals(Optional.of("direction"), invalid.field());
            assertEquals("direction must be one of inbound, outbound, was 'sideways'", invalid.detail());
            assertEquals(Optional.of("answer"), invalid.channel());
        }

        @Test
        void unreadableTimestampNamesTheField() {
            InvalidPayloadException invalid = rejected(
                    VoiceChannel.ANSWER, contractPayload(VoiceChannel.ANSWER).put("startTime", "yesterday"));

            assertEquals(Optional.of("startTime"), invalid.field());
            assertTrue(invalid.detail().startsWith("startTime must be an ISO-8601 timestamp"), invalid.detail());
            assertTrue(invalid.detail().endsWith("was 'yesterday'"), invalid.detail());
        }

        @Test
        void unreadableNestedTimestampBeyondTheContractIsKeptAsSent() {
            ObjectNode payload = callEvent("transcriptionAvailable");
            payload.putObject("transcription").put("id", "t-1").put("completedTime", "soon");

            TranscriptionAvailable event = assertInstanceOf(
                    TranscriptionAvailable.class, decode(VoiceChannel.TRANSCRIPTION_AVAILABLE, payload));

            assertEquals("t-1", event.transcription().id());
            assertNull(event.transcription().completedTime());
            assertEquals(
                    java.util.Map.of("transcription.completedTime", "soon"),
                    event.call().unparsedFields());
        }

        @Test
        void unreadableDurationNamesDuration() {
            InvalidPayloadException invalid = rejected(
                    VoiceChannel.RECORDING_COMPLETE,
                    contractPayload(VoiceChannel.RECORDING_COMPLETE).put("duration", "twenty seconds"));

            assertEquals(Optional.of("duration"), invalid.field());
            assertTrue(invalid.detail().contains("ISO-8601 duration"), invalid.detail());
        }

        @Test
        void missingCallIdNamesCallId() {
            ObjectNode payload = contractPayload(VoiceChannel.ANSWER);
            payload.remove("callId");

            InvalidPayloadException invalid = rejected(VoiceChannel.ANSWER, payload);

            assertEquals(Optional.of("callId"), invalid.field());
            assertEquals("callId is required and must not be blank", invalid.detail());
        }

        @Test
        void blankCallIdNamesCallId() {
            InvalidPayloadException invalid = rejected(
                    VoiceChannel.GATHER, contractPayload(VoiceChannel.GATHER).put("callId", "  "));

            assertEquals(Optional.of("callId"), invalid.field());
        }

        @Test
        void badParentCallIdIsReportedUnderItsOwnName() {
            InvalidPayloadException invalid = rejected(
                    VoiceChannel.TRANSFER_ANSWER,
                    contractPayload(VoiceChannel.TRANSFER_ANSWER).put("transferCallId", "x".repeat(300)));

            assertEquals(Optional.of("transferCallId"), invalid.field());
            assertTrue(invalid.detail().startsWith("transferCallId must be at most"), invalid.detail());
        }

        @Test
        void objectWhereAStringBelongsNamesTheField() {
            ObjectNode payload = contractPayload(VoiceChannel.ANSWER);
            payload.putObject("callId").put("value", CALL_ID);

            InvalidPayloadException invalid = rejected(VoiceChannel.ANSWER, payload);

            assertEquals(Optional.of("callId"), invalid.field());
            assertEquals("callId must be a string", invalid.detail());
        }

        @Test
        void recordingFaultsNameTheirField() {
            ObjectNode noRecordingId = contractPayload(VoiceChannel.RECORDING_COMPLETE);
            noRecordingId.remove("recordingId");

            assertAll(
                    () -> assertEquals(
                            Optional.of("recordingId"),
                            rejected(VoiceChannel.RECORDING_COMPLETE, noRecordingId)
                                    .field()),
                    () -> assertEquals(
                            Optional.of("channels"),
                            rejected(
                                            VoiceChannel.RECORDING_COMPLETE,
                                            contractPayload(VoiceChannel.RECORDING_COMPLETE)
                                                    .put("channels", 3))
                                    .field()),
                    () -> assertEquals(
                            Optional.of("channels"),
                            rejected(
                                            VoiceChannel.RECORDING_COMPLETE,
                                            contractPayload(VoiceChannel.RECORDING_COMPLETE)
                                                    .put("channels", "stereo"))
                                    .field()),
                    () -> assertEquals(
                            Optional.of("fileFormat"),
                            rejected(
                                            VoiceChannel.RECORDING_COMPLETE,
                                            contractPayload(VoiceChannel.RECORDING_COMPLETE)
                                                    .put("fileFormat", "flac"))
                                    .field()),
                    () -> assertEquals(
                            Optional.of("status"),
                            rejected(
                                            VoiceChannel.RECORDING_COMPLETE,
                                            contractPayload(VoiceChannel.RECORDING_COMPLETE)
                                                    .put("status", "lost"))
                                    .field()));
        }

        @Test
        void blankCauseNamesCause() {
            InvalidPayloadException invalid = rejected(
                    VoiceChannel.DISCONNECT,
                    contractPayload(VoiceChannel.DISCONNECT).put("cause", ""));

            assertEquals(Optional.of("cause"), invalid.field());
        }

        @Test
        void missingEventTypeNamesEventType() {
            ObjectNode payload = contractPayload(VoiceChannel.ANSWER);
            payload.remove("eventType");

            InvalidPayloadException invalid = rejected(VoiceChannel.ANSWER, payload);

            assertEquals(Optional.of("eventType"), invalid.field());
            assertEquals(Optional.of("answer"), invalid.channel());
        }

        @Test
        void nonTextEventTypeNamesEventType() {
            InvalidPayloadException invalid = assertThrows(
                    InvalidPayloadException.class,
                    () -> decoder.decode(bytes("{\"eventType\": 7, \"callId\": \"c-1\"}")));

            assertEquals(Optional.of("eventType"), invalid.field());
            assertEquals("eventType must be a string", invalid.detail());
        }

        @Test
        void duplicateKeysAreRefusedNamingTheKey() {
            InvalidPayloadException invalid =
                    rejected(VoiceChannel.ANSWER, "{\"eventType\":\"answer\",\"callId\":\"c-1\",\"callId\":\"c-2\"}");

            assertEquals(Optional.of("callId"), invalid.field());
            assertTrue(invalid.detail().contains("Duplicate field 'callId'"), invalid.detail());
        }

        @Test
        void malformedJsonIsRefused() {
            InvalidPayloadException invalid = rejected(VoiceChannel.ANSWER, "{\"eventType\": \"answer\", ");

            assertTrue(invalid.detail().startsWith("Malformed JSON"), invalid.detail());
        }

        @Test
        void trailingContentAfterTheDocumentIsRefused() {
            InvalidPayloadException invalid =
                    rejected(VoiceChannel.ANSWER, Payloads.json(contractPayload(VoiceChannel.ANSWER)) + " {}");

            assertTrue(invalid.detail().contains("Trailing token"), invalid.detail());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "[]", "\"answer\"", "null"})
        void bodyMustBeAJsonObject(String body) {
            InvalidPayloadException invalid = rejected(VoiceChannel.ANSWER, body);

            assertEquals("The body must be a JSON object", invalid.detail());
            assertTrue(invalid.field().isEmpty());
        }

        @Test
        void queryParametersWithALoneSurrogateAreRefusedNamingTheParameter() {
            InvalidPayloadException invalid = assertThrows(
                    InvalidPayloadException.class,
                    () -> decoder.decode(
                            VoiceChannel.ANSWER,
                            List.of(
                                    Map.entry("eventType", "answer"),
                                    Map.entry("callId", CALL_ID),
                                    Map.entry("machineDetectionResult.value", "hu\udc00man"))));

            assertEquals(Optional.of("machineDetectionResult.value"), invalid.field());
            assertTrue(invalid.detail().contains("surrogate without its pair at character 2"), invalid.detail());
        }

        @Test
        void aPairedSurrogateIsText() {
            VoiceEvent answered = decode(
                    VoiceChannel.ANSWER, contractPayload(VoiceChannel.ANSWER).put("tag", "\ud83d\udcde"));

            assertEquals("\ud83d\udcde", ((CallAnswered) answered).call().tag());
        }
    }
}
