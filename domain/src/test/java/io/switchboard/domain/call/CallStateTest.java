package io.switchboard.domain.call;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.common.DisconnectCause;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallStateTest {

    private static CallState play(CallEvents call, CallEvent... events) {
        CallState state = CallState.initial(call.callId());
        for (CallEvent event : events) {
            state = state.apply(event);
        }
        return state;
    }

    @Test
    void initialStateIsARingingCallWithNothingKnown() {
        CallId id = CallEvents.newCallId();
        CallState state = CallState.initial(id);
        assertAll(
                () -> assertEquals(id, state.callId()),
                () -> assertEquals(CallStatus.RINGING, state.status()),
                () -> assertFalse(state.hasEnded()),
                () -> assertEquals(0, state.eventsApplied()),
                () -> assertEquals("", state.lastDigits()),
                () -> assertEquals(0, state.consecutiveEmptyGathers()),
                () -> assertTrue(state.recordings().isEmpty()));
    }

    @Test
    void callInitiatedRecordsPartiesStartAndTagButStaysRinging() {
        CallEvents call = CallEvents.newCall().tag("ivr-main");
        CallInitiated initiated = call.initiate();
        CallState state = play(call, initiated);
        assertAll(
                () -> assertEquals(CallStatus.RINGING, state.status()),
                () -> assertEquals(Direction.INBOUND, state.direction()),
                () -> assertEquals(CallEvents.CALLER, state.from()),
                () -> assertEquals(CallEvents.CALLED, state.to()),
                () -> assertEquals(CallEvents.START, state.startTime()),
                () -> assertEquals("ivr-main", state.tag()),
                () -> assertNull(state.answerTime()),
                () -> assertEquals(initiated.eventTime(), state.lastEventTime()),
                () -> assertEquals(1, state.eventsApplied()));
    }

    @Test
    void callAnsweredMarksTheCallAnsweredAtItsAnswerTime() {
        CallEvents call = CallEvents.newCall();
        CallInitiated initiated = call.initiate();
        CallAnswered answered = call.answer();
        CallState state = play(call, initiated, answered);
        assertAll(
                () -> assertEquals(CallStatus.ANSWERED, state.status()),
                () -> assertEquals(answered.call().answerTime(), state.answerTime()),
                () -> assertEquals(answered.eventTime(), state.lastEventTime()),
                () -> assertEquals(2, state.eventsApplied()));
    }

    @Test
    void callAnsweredWithoutAnswerTimeUsesTheEventTime() {
        CallEvents call = CallEvents.newCall();
        CallAnswered answered = new CallAnswered(call.details().build());
        CallState state = play(call, answered);
        assertEquals(CallStatus.ANSWERED, state.status());
        assertEquals(answered.eventTime(), state.answerTime());
    }

    @Test
    void callRedirectedUpdatesOnlyTheCommonFields() {
        CallEvents call = CallEvents.newCall();
        CallState answered = play(call, call.initiate(), call.answer());
        CallRedirected redirected = call.tag("after-redirect").redirect();
        CallState state = answered.apply(redirected);
        assertAll(
                () -> assertEquals(CallStatus.ANSWERED, state.status()),
                () -> assertEquals(answered.answerTime(), state.answerTime()),
                () -> assertEquals("after-redirect", state.tag()),
                () -> assertEquals(redirected.eventTime(), state.lastEventTime()),
                () -> assertEquals(answered.gatheredDigits(), state.gatheredDigits()),
                () -> assertEquals(3, state.eventsApplied()));
    }

    @Test
    void gatherCompletedAppendsTheDigits() {
        CallEvents call = CallEvents.newCall();
        CallState state = play(call, call.initiate(), call.answer(), call.gather("1234"));
        assertEquals(List.of("1234"), state.gatheredDigits());
        assertEquals("1234", state.lastDigits());
        assertEquals(0, state.consecutiveEmptyGathers());
        assertEquals(CallStatus.ANSWERED, state.status());
    }

    @Test
    void consecutiveEmptyGathersCountsBackFromTheLatest() {
        CallEvents call = CallEvents.newCall();
        CallState state = play(call, call.initiate(), call.answer(), call.gather(""), call.gather("5"));
        assertEquals(0, state.consecutiveEmptyGathers());
        assertEquals("5", state.lastDigits());

        state = state.apply(call.gather("")).apply(call.gather(""));
        assertEquals(2, state.consecutiveEmptyGathers());
        assertEquals("", state.lastDigits());
        assertEquals(List.of("", "5", "", ""), state.gatheredDigits());

        state = state.apply(call.gather("9"));
        assertEquals(0, state.consecutiveEmptyGathers());
        assertEquals("9", state.lastDigits());
    }

    @Test
    void gatherWithoutDigitsCountsAsEmpty() {
        CallEvents call = CallEvents.newCall();
        CallState state =
                play(call, call.initiate(), new GatherCompleted(call.details().build(), null, null));
        assertEquals(List.of(""), state.gatheredDigits());
        assertEquals(1, state.consecutiveEmptyGathers());
    }

    @Test
    void recordingCompletedAddsTheRecording() {
        CallEvents call = CallEvents.newCall();
        Recording recording = CallEvents.fullRecording("r-1");
        CallState state = play(call, call.initiate(), call.answer(), call.recordComplete(recording));
        assertEquals(List.of(recording), state.recordings());
        assertEquals(CallStatus.ANSWERED, state.status());
    }

    @Test
    void secondRecordingIsAddedAfterTheFirst() {
        CallEvents call = CallEvents.newCall();
        Recording first = CallEvents.fullRecording("r-1");
        Recording second = CallEvents.fullRecording("r-2");
        CallState state = play(call, call.initiate(), call.recordComplete(first), call.recordComplete(second));
        assertEquals(List.of(first, second), state.recordings());
    }

    @Test
    void transcriptionAvailableAddsTheTranscriptionAndItsRecording() {
        CallEvents call = CallEvents.newCall();
        Recording recording = CallEvents.fullRecording("r-1");
        Transcription transcription = CallEvents.transcriptionOf("r-1");
        CallState state = play(call, call.initiate(), call.transcription(recording, transcription));
        assertEquals(List.of(transcription), state.transcriptions());
        assertEquals(List.of(recording), state.recordings());
    }

    @Test
    void transcriptionWithoutRecordingOnlyAddsTheTranscription() {
        CallEvents call = CallEvents.newCall();
        Transcription transcription = CallEvents.transcriptionOf("r-1");
        CallState state = play(call, call.initiate(), call.transcription(null, transcription));
        assertEquals(List.of(transcription), state.transcriptions());
        assertTrue(state.recordings().isEmpty());
    }

    @Test
    void transferAnsweredAnswersTheBLegAndRemembersItsParent() {
        CallId parent = CallEvents.newCallId();
        CallEvents leg = CallEvents.newTransferLeg(parent, "+15555550142");
        TransferAnswered answered = leg.transferAnswer();
        CallState state = play(leg, answered);
        assertAll(
                () -> assertEquals(CallStatus.ANSWERED, state.status()),
                () -> assertEquals(answered.call().answerTime(), state.answerTime()),
                () -> assertEquals(parent, state.parentCallId()),
                () -> assertEquals("+15555550142", state.transferTo()));
    }

    @Test
    void callDisconnectedEndsTheCallWithItsEnding() {
        CallEvents call = CallEvents.newCall();
        CallDisconnected disconnected = call.disconnect(DisconnectCause.HANGUP);
        CallState state = play(call, call.initiate(), call.answer(), disconnected);
        assertAll(
                () -> assertEquals(CallStatus.ENDED, state.status()),
                () -> assertTrue(state.hasEnded()),
                () -> assertEquals(disconnected.ending(), state.ending()),
                () -> assertEquals(DisconnectCause.HANGUP, state.ending().cause()),
                () -> assertEquals(disconnected.ending().endTime(), state.endTime()),
                () -> assertEquals(3, state.eventsApplied()));
    }

    @Test
    void disconnectWithoutEndTimeEndsAtTheEventTime() {
        CallEvents call = CallEvents.newCall();
        CallDisconnected disconnected =
                new CallDisconnected(call.details().build(), CallEnding.of(DisconnectCause.BUSY));
        CallState state = play(call, disconnected);
        assertEquals(disconnected.eventTime(), state.endTime());
        assertEquals(CallStatus.ENDED, state.status());
    }

    @Test
    void unansweredCallThatDisconnectsEndsWithoutAnswerTime() {
        CallEvents call = CallEvents.newCall();
        CallState state = play(call, call.initiate(), call.disconnect(DisconnectCause.CANCEL));
        assertEquals(CallStatus.ENDED, state.status());
        assertNull(state.answerTime());
        assertEquals(DisconnectCause.CANCEL, state.ending().cause());
    }

    @Test
    void transferDisconnectedEndsTheBLeg() {
        CallId parent = CallEvents.newCallId();
        CallEvents leg = CallEvents.newTransferLeg(parent, "+15555550142");
        TransferDisconnected disconnected = leg.transferDisconnect(DisconnectCause.TIMEOUT);
        CallState state = play(leg, leg.transferAnswer(), disconnected);
        assertAll(
                () -> assertEquals(CallStatus.ENDED, state.status()),
                () -> assertEquals(disconnected.ending(), state.ending()),
                () -> assertEquals(disconnected.ending().endTime(), state.endTime()),
                () -> assertEquals(parent, state.parentCallId()));
    }

    @Test
    void tagIsClearedWhenAnEventOmitsIt() {
        CallEvents call = CallEvents.newCall().tag("menu");
        CallState tagged = play(call, call.initiate(), call.answer());
        assertEquals("menu", tagged.tag());

        CallState cleared = tagged.apply(call.tag(null).gather("1"));
        assertNull(cleared.tag());
    }

    @Test
    void fieldsAnEventLeavesOutKeepTheirEarlierValues() {
        CallEvents call = CallEvents.newCall();
        CallState answered = play(call, call.initiate(), call.answer());
        CallRedirected sparse =
                new CallRedirected(CallDetails.builder(call.callId()).build());
        CallState state = answered.apply(sparse);
        assertAll(
                () -> assertEquals(CallEvents.CALLER, state.from()),
                () -> assertEquals(CallEvents.CALLED, state.to()),
                () -> assertEquals(Direction.INBOUND, state.direction()),
                () -> assertEquals(answered.startTime(), state.startTime()),
                () -> assertEquals(answered.answerTime(), state.answerTime()),
                () -> assertEquals(answered.lastEventTime(), state.lastEventTime()));
    }

    @Test
    void laterAnswerTimeDoesNotMoveTheFirst() {
        CallEvents call = CallEvents.newCall();
        CallState answered = play(call, call.initiate(), call.answer());
        CallAnswered again = new CallAnswered(call.details()
                .times(CallEvents.START, Instant.parse("2030-01-01T00:00:00Z"), null)
                .build());
        assertEquals(answered.answerTime(), answered.apply(again).answerTime());
    }

    @Test
    void lateRecordingAndTranscriptionAfterDisconnectKeepTheCallEndedAndMergeTheRecording() {
        CallEvents call = CallEvents.newCall();
        CallState ended = play(call, call.initiate(), call.answer(), call.disconnect(DisconnectCause.HANGUP));

        // The recording is first known by its id and media only ...
        Recording partial = new Recording(
                "r-7", "https://media.example/r-7", null, null, null, null, null, RecordingStatus.PROCESSING);
        CallState recorded = ended.apply(call.recordComplete(partial));
        assertEquals(CallStatus.ENDED, recorded.status());
        assertEquals(ended.endTime(), recorded.endTime());
        assertEquals(List.of(partial), recorded.recordings());

        // ... then a later event of the same recording tells more: merged, not added.
        Recording fuller =
                new Recording("r-7", null, 2, Duration.ofSeconds(31), null, null, null, RecordingStatus.COMPLETE);
        Transcription transcription = CallEvents.transcriptionOf("r-7");
        CallState transcribed = recorded.apply(call.transcription(fuller, transcription));
        assertEquals(CallStatus.ENDED, transcribed.status());
        assertEquals(ended.ending(), transcribed.ending());
        assertEquals(List.of(transcription), transcribed.transcriptions());
        assertEquals(
                List.of(new Recording(
                        "r-7",
                        "https://media.example/r-7",
                        2,
                        Duration.ofSeconds(31),
                        null,
                        null,
                        null,
                        RecordingStatus.COMPLETE)),
                transcribed.recordings());
    }

    @Test
    void eventOfAnotherCallIsRefused() {
        CallEvents call = CallEvents.newCall();
        CallEvents other = CallEvents.newCall();
        CallState state = play(call, call.initiate());
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> state.apply(other.gather("1")));
        assertTrue(refused.getMessage().contains(other.callId().value()), refused.getMessage());
        assertTrue(refused.getMessage().contains(call.callId().value()), refused.getMessage());
    }

    @Test
    void stateIsImmutable() {
        CallEvents call = CallEvents.newCall();
        CallState before = play(call, call.initiate());
        CallState after = before.apply(call.gather("1"));
        assertTrue(before.gatheredDigits().isEmpty());
        assertEquals(1, before.eventsApplied());
        assertEquals(2, after.eventsApplied());
        assertThrows(
                UnsupportedOperationException.class,
                () -> after.gatheredDigits().add("2"));
    }

    // --- the live platform's events beyond the contract ----------------------------------------------------

    @Test
    void transferCompletedRecordsTheOutcomeAndLeavesTheALegUp() {
        CallEvents call = CallEvents.newCall();
        TransferCompleted busy = call.transferComplete(DisconnectCause.BUSY);
        CallState afterBusy = play(call, call.initiate(), call.answer(), busy);
        assertAll(
                () -> assertEquals(busy.outcome(), afterBusy.transferOutcome()),
                () -> assertEquals(
                        DisconnectCause.BUSY, afterBusy.transferOutcome().cause()),
                () -> assertEquals("e-busy", afterBusy.transferOutcome().errorId()),
                () -> assertEquals(CallStatus.ANSWERED, afterBusy.status()),
                () -> assertNull(afterBusy.ending()),
                () -> assertEquals(3, afterBusy.eventsApplied()));

        TransferCompleted hangup = call.transferComplete(DisconnectCause.HANGUP);
        assertEquals(hangup.outcome(), afterBusy.apply(hangup).transferOutcome(), "the latest transfer counts");
    }

    @Test
    void bridgeCompletedRecordsTheOutcomeAndLeavesTheCallUp() {
        CallEvents call = CallEvents.newCall();
        BridgeCompleted rejected = call.bridgeComplete(DisconnectCause.REJECTED);
        CallState state = play(call, call.initiate(), call.answer(), rejected);
        assertEquals(rejected.outcome(), state.bridgeOutcome());
        assertEquals(DisconnectCause.REJECTED, state.bridgeOutcome().cause());
        assertEquals(CallStatus.ANSWERED, state.status());
        assertNull(state.transferOutcome());
    }

    @Test
    void bridgeTargetCompletedChangesOnlyTheCommonFields() {
        CallEvents call = CallEvents.newCall().tag("bridged");
        CallState before = play(call, call.initiate(), call.answer());
        BridgeTargetCompleted completed = call.tag("after-bridge").bridgeTargetComplete();
        CallState after = before.apply(completed);
        assertAll(
                () -> assertEquals("after-bridge", after.tag()),
                () -> assertEquals(completed.eventTime(), after.lastEventTime()),
                () -> assertEquals(3, after.eventsApplied()),
                () -> assertEquals(CallStatus.ANSWERED, after.status()),
                () -> assertNull(after.bridgeOutcome()),
                () -> assertSame(before.recordings(), after.recordings()),
                () -> assertEquals(before.dtmfDigits(), after.dtmfDigits()));
    }

    @Test
    void recordingAvailableMergesIntoTheRecordingOfTheSameIdAndAddsANewOne() {
        CallEvents call = CallEvents.newCall();
        // recordComplete carries no status; recordingAvailable tells it later, after the call ended.
        Recording completed =
                new Recording("r-1", "https://media.example/r-1", 1, Duration.ofSeconds(12), null, null, null, null);
        CallState ended = play(
                call,
                call.initiate(),
                call.answer(),
                call.recordComplete(completed),
                call.disconnect(DisconnectCause.HANGUP));
        Recording available = new Recording(
                "r-1", null, null, null, null, null, CallEvents.START.plusSeconds(20), RecordingStatus.COMPLETE);
        CallState merged = ended.apply(call.recordingAvailable(available));
        assertEquals(
                List.of(new Recording(
                        "r-1",
                        "https://media.example/r-1",
                        1,
                        Duration.ofSeconds(12),
                        null,
                        null,
                        CallEvents.START.plusSeconds(20),
                        RecordingStatus.COMPLETE)),
                merged.recordings());
        assertTrue(merged.hasEnded());

        Recording other = CallEvents.fullRecording("r-2");
        CallState added = merged.apply(call.recordingAvailable(other));
        assertEquals(2, added.recordings().size());
        assertEquals(other, added.recordings().get(1));
    }

    @Test
    void recordingAvailableTellingNothingNewKeepsTheSameList() {
        CallEvents call = CallEvents.newCall();
        Recording recording = CallEvents.fullRecording("r-1");
        CallState recorded = play(call, call.initiate(), call.recordComplete(recording));
        CallState again = recorded.apply(call.recordingAvailable(Recording.withId("r-1")));
        assertSame(recorded.recordings(), again.recordings());
    }

    @Test
    void dtmfDigitsAreAppendedInOrder() {
        CallEvents call = CallEvents.newCall();
        CallState state = play(call, call.initiate(), call.answer(), call.dtmf("1"), call.dtmf("#"), call.dtmf("9"));
        assertEquals("1#9", state.dtmfDigits());
        assertTrue(state.gatheredDigits().isEmpty(), "dtmf is not a gather");
    }

    @Test
    void dtmfDigitsKeepOnlyTheLatestCharacters() {
        CallEvents call = CallEvents.newCall();
        CallState state = play(call, call.initiate());
        for (int i = 0; i < CallState.MAX_DTMF_DIGITS + 44; i++) {
            state = state.apply(call.dtmf(String.valueOf(i % 10)));
        }
        assertEquals(CallState.MAX_DTMF_DIGITS, state.dtmfDigits().length());
        // 300 presses 0..9 repeated: the first 44 are gone, the kept ones start at press 44 ("4").
        assertTrue(state.dtmfDigits().startsWith("4567890"), state.dtmfDigits());
        assertTrue(state.dtmfDigits().endsWith("56789"), state.dtmfDigits());
        assertEquals(CallState.MAX_DTMF_DIGITS + 45, state.eventsApplied());
    }

    @Test
    void machineDetectionCompletedRecordsTheVerdict() {
        CallEvents call = CallEvents.newCall();
        MachineDetectionCompleted detected = call.machineDetection(MachineDetectionResult.ANSWERING_MACHINE);
        CallState state = play(call, call.answer(), detected);
        assertEquals(detected.result(), state.machineDetection());
        assertTrue(state.machineDetection().machine());
        assertFalse(state.machineDetection().human());
        assertEquals(Duration.ofMillis(3_200), state.machineDetection().duration());

        CallState later = state.apply(call.machineDetection("beep-detected-by-a-future-model"));
        assertEquals("beep-detected-by-a-future-model", later.machineDetection().value(), "an unknown verdict is kept");
    }

    @Test
    void mediaStreamsAreActiveFromStartUntilStoppedOrRejected() {
        CallEvents call = CallEvents.newCall();
        CallState two = play(
                call,
                call.initiate(),
                call.answer(),
                call.mediaStream(MediaStreamChange.STARTED, "s-1"),
                call.mediaStream(MediaStreamChange.STARTED, "s-2"));
        assertEquals(List.of("s-1", "s-2"), two.activeMediaStreams());

        CallState one = two.apply(call.mediaStream(MediaStreamChange.STOPPED, "s-1"));
        assertEquals(List.of("s-2"), one.activeMediaStreams());

        CallState none = one.apply(call.mediaStream(MediaStreamChange.REJECTED, "s-2"));
        assertEquals(List.of(), none.activeMediaStreams());

        CallState restarted = none.apply(call.mediaStream(MediaStreamChange.STARTED, "s-3"))
                .apply(call.mediaStream(MediaStreamChange.STARTED, "s-3"));
        assertEquals(List.of("s-3"), restarted.activeMediaStreams(), "a repeated start is not counted twice");
        assertTrue(restarted.activeTranscriptions().isEmpty());
    }

    @Test
    void stopOfAStreamThatIsNotActiveKeepsTheSameList() {
        CallEvents call = CallEvents.newCall();
        CallState started = play(call, call.initiate(), call.mediaStream(MediaStreamChange.STARTED, "s-1"));
        CallState stoppedOther = started.apply(call.mediaStream(MediaStreamChange.STOPPED, "s-unknown"));
        assertSame(started.activeMediaStreams(), stoppedOther.activeMediaStreams());
    }

    @Test
    void realTimeTranscriptionsAreActiveFromStartUntilStoppedOrRejected() {
        CallEvents call = CallEvents.newCall();
        CallState started = play(
                call,
                call.initiate(),
                call.answer(),
                call.realTimeTranscription(RealTimeTranscriptionChange.STARTED, "t-1"),
                call.realTimeTranscription(RealTimeTranscriptionChange.STARTED, "t-2"));
        assertEquals(List.of("t-1", "t-2"), started.activeTranscriptions());

        CallState stopped = started.apply(call.realTimeTranscription(RealTimeTranscriptionChange.STOPPED, "t-1"));
        assertEquals(List.of("t-2"), stopped.activeTranscriptions());

        CallState available = stopped.apply(call.realTimeTranscription(RealTimeTranscriptionChange.AVAILABLE, "t-1"));
        assertEquals(
                List.of("t-2"),
                available.activeTranscriptions(),
                "a transcript becoming available changes nothing active");

        CallState rejected = available.apply(call.realTimeTranscription(RealTimeTranscriptionChange.REJECTED, "t-2"));
        assertEquals(List.of(), rejected.activeTranscriptions());
        assertTrue(rejected.activeMediaStreams().isEmpty());
    }

    @Test
    void referCompletedRecordsTheOutcome() {
        CallEvents call = CallEvents.newCall();
        CallState failed = play(call, call.initiate(), call.referComplete(ReferCallStatus.FAILURE, 486));
        assertEquals(
                new ReferOutcome(ReferCallStatus.FAILURE, 486, null, "sip:agent@pbx.example.test"),
                failed.referOutcome());

        CallState succeeded = failed.apply(call.referComplete(ReferCallStatus.SUCCESS, 202));
        assertEquals(
                new ReferOutcome(ReferCallStatus.SUCCESS, 202, 200, "sip:agent@pbx.example.test"),
                succeeded.referOutcome());
    }

    @Test
    void unrecognizedEventIsCountedWithItsType() {
        CallEvents call = CallEvents.newCall();
        CallState state = play(
                call,
                call.initiate(),
                call.answer(),
                call.unrecognized("aiAgentHandoff", Map.of("agentId", "a-1")),
                call.unrecognized("callQualityReport", Map.of()),
                call.unrecognized("aiAgentHandoff", Map.of("agentId", "a-2")));
        assertAll(
                () -> assertEquals(3, state.unrecognizedEvents()),
                () -> assertEquals(
                        List.of("callQualityReport", "aiAgentHandoff"),
                        state.unrecognizedEventTypes(),
                        "distinct, the most recently seen last"),
                () -> assertEquals(5, state.eventsApplied()),
                () -> assertEquals(CallStatus.ANSWERED, state.status()));
    }

    @Test
    void unrecognizedEventTypesAreBoundedDroppingTheLeastRecentlySeen() {
        CallEvents call = CallEvents.newCall();
        CallState state = play(call, call.initiate());
        List<String> types = new ArrayList<>();
        for (int i = 0; i < CallState.MAX_UNRECOGNIZED_TYPES + 4; i++) {
            types.add("futureEvent" + i);
            state = state.apply(call.unrecognized("futureEvent" + i, Map.of()));
        }
        assertEquals(CallState.MAX_UNRECOGNIZED_TYPES + 4, state.unrecognizedEvents(), "every event is counted");
        assertEquals(types.subList(4, types.size()), state.unrecognizedEventTypes());
    }

    @Test
    void eventsThatChangeNoCollectionShareThemWithTheStateBefore() {
        CallEvents call = CallEvents.newCall();
        CallState initial = CallState.initial(call.callId());
        assertAll(
                "a new call holds the JDK's shared empty lists",
                () -> assertSame(List.of(), initial.gatheredDigits()),
                () -> assertSame(List.of(), initial.recordings()),
                () -> assertSame(List.of(), initial.activeMediaStreams()),
                () -> assertSame(List.of(), initial.unrecognizedEventTypes()));
        CallState recorded =
                play(call, call.initiate(), call.gather("1"), call.recordComplete(CallEvents.fullRecording("r-1")));
        CallState after = recorded.apply(call.dtmf("5")).apply(call.redirect());
        assertAll(
                () -> assertSame(recorded.gatheredDigits(), after.gatheredDigits()),
                () -> assertSame(recorded.recordings(), after.recordings()),
                () -> assertSame(recorded.transcriptions(), after.transcriptions()),
                () -> assertSame(recorded.activeMediaStreams(), after.activeMediaStreams()),
                () -> assertSame(recorded.unrecognizedEventTypes(), after.unrecognizedEventTypes()));
    }

    @Test
    void unparsedFieldsAreKeptOnTheDetailsAndEmptyByDefault() {
        CallEvents call = CallEvents.newCall();
        CallDetails plain = call.details().build();
        assertSame(Map.of(), plain.unparsedFields());

        CallDetails kept = call.details()
                .unparsed("enqueuedTime", "yesterday")
                .unparsed("sipResponseCode", "4o4")
                .build();
        assertEquals(Map.of("enqueuedTime", "yesterday", "sipResponseCode", "4o4"), kept.unparsedFields());
        assertThrows(
                UnsupportedOperationException.class, () -> kept.unparsedFields().put("x", "y"));
        assertNull(kept.enqueuedTime());
        // The state takes no value from a field it could not read.
        assertNull(
                CallState.initial(call.callId()).apply(new CallInitiated(kept)).answerTime());
    }
}
