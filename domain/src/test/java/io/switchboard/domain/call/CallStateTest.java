package io.switchboard.domain.call;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.common.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        CallState state = play(call, call.initiate(), new GatherCompleted(call.details().build(), null, null));
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
        CallDisconnected disconnected = new CallDisconnected(call.details().build(), CallEnding.of(DisconnectCause.BUSY));
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
        CallRedirected sparse = new CallRedirected(CallDetails.builder(call.callId()).build());
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
        CallAnswered again = new CallAnswered(call.details().times(CallEvents.START, Instant.parse("2030-01-01T00:00:00Z"), null).build());
        assertEquals(answered.answerTime(), answered.apply(again).answerTime());
    }

    @Test
    void lateRecordingAndTranscriptionAfterDisconnectKeepTheCallEndedAndMergeTheRecording() {
        CallEvents call = CallEvents.newCall();
        CallState ended = play(call, call.initiate(), call.answer(), call.disconnect(DisconnectCause.HANGUP));

        // The recording is first known by its id and media only ...
        Recording partial = new Recording("r-7", "https://media.example/r-7", null, null, null, null, null,
                RecordingStatus.PROCESSING);
        CallState recorded = ended.apply(call.recordComplete(partial));
        assertEquals(CallStatus.ENDED, recorded.status());
        assertEquals(ended.endTime(), recorded.endTime());
        assertEquals(List.of(partial), recorded.recordings());

        // ... then a later event of the same recording tells more: merged, not added.
        Recording fuller = new Recording("r-7", null, 2, Duration.ofSeconds(31), null, null, null, RecordingStatus.COMPLETE);
        Transcription transcription = CallEvents.transcriptionOf("r-7");
        CallState transcribed = recorded.apply(call.transcription(fuller, transcription));
        assertEquals(CallStatus.ENDED, transcribed.status());
        assertEquals(ended.ending(), transcribed.ending());
        assertEquals(List.of(transcription), transcribed.transcriptions());
        assertEquals(List.of(new Recording("r-7", "https://media.example/r-7", 2, Duration.ofSeconds(31), null, null,
                null, RecordingStatus.COMPLETE)), transcribed.recordings());
    }

    @Test
    void eventOfAnotherCallIsRefused() {
        CallEvents call = CallEvents.newCall();
        CallEvents other = CallEvents.newCall();
        CallState state = play(call, call.initiate());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> state.apply(other.gather("1")));
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
        assertThrows(UnsupportedOperationException.class, () -> after.gatheredDigits().add("2"));
    }
}
