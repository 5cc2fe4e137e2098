package io.switchboard.domain.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.call.CallEntity;
import io.switchboard.domain.call.CallEvent;
import io.switchboard.domain.call.CallEvents;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.call.MediaStreamChange;
import io.switchboard.domain.call.RealTimeTranscriptionChange;
import io.switchboard.domain.call.ReferCallStatus;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.common.ReplyContext;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceCompleted;
import io.switchboard.domain.conference.ConferenceCreated;
import io.switchboard.domain.conference.ConferenceDetails;
import io.switchboard.domain.conference.ConferenceEntity;
import io.switchboard.domain.conference.ConferenceEvent;
import io.switchboard.domain.conference.ConferenceEvents;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.conference.ConferenceMember;
import io.switchboard.domain.conference.ConferenceMemberJoined;
import io.switchboard.domain.conference.ConferenceState;
import io.switchboard.domain.verb.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The decisions both entity shells take, as plain functions. */
class EntityLogicTest {
    private static final Logger log = LoggerFactory.getLogger(EntityLogicTest.class);
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final EventReply ANSWERED =
            new EventReply(Response.builder().speakSentence("ok").build(), ReplyOrigin.FLOW);

    private static EntityLogic<CallEvent, CallState> callLogic(CallEvents call, int remembered) {
        return new EntityLogic<>(
                CallEntity.rules(call.callId(), new CallFlow() {}), EntityTestSupport.settings(16, remembered));
    }

    @Test
    void newEventRunsTheFlowOnTheStateAfterItWithTheEventPending() {
        CallEvents call = CallEvents.newCall();
        EntityLogic<CallEvent, CallState> logic = callLogic(call, 16);
        GatherCompleted gather = call.gather("7");

        var run = assertInstanceOf(EntityLogic.RunFlow.class, logic.decide(logic.emptyMemory(), gather, AT, log));

        assertEquals(gather, run.event());
        EntityMemory<?> working = run.working();
        assertEquals(List.of("7"), ((CallState) working.state()).gatheredDigits());
        assertEquals(List.of(TimelineEntry.pending(gather, AT)), working.timeline());
    }

    @Test
    void equalEventIsAnsweredAgainAndItsEntryOnlyJoinsTheTimeline() {
        CallEvents call = CallEvents.newCall();
        EntityLogic<CallEvent, CallState> logic = callLogic(call, 16);
        GatherCompleted gather = call.gather("7");
        EntityMemory<CallState> memory = logic.after(logic.emptyMemory(), new TimelineEntry(gather, AT, ANSWERED));
        GatherCompleted redelivered = new GatherCompleted(gather.call(), "7", gather.terminatingDigit());

        var again = assertInstanceOf(
                EntityLogic.AnswerAgain.class, logic.decide(memory, redelivered, AT.plusSeconds(1), log));
        EntityMemory<CallState> after = logic.after(memory, again.entry());

        assertEquals(ANSWERED.asRedelivery(), again.entry().reply());
        assertEquals(memory.state(), after.state(), "a redelivery changes no state");
        assertEquals(2, after.timeline().size());
        assertFalse(logic.ends(again.entry()));
    }

    @Test
    void copyOfAnAnsweredEventGetsItsReplyAndNothingToRecord() {
        CallEvents call = CallEvents.newCall();
        EntityLogic<CallEvent, CallState> logic = callLogic(call, 16);
        GatherCompleted gather = call.gather("7");
        VoiceEntity.Handle copy = new VoiceEntity.Handle(gather, null, AT, false).asCopy();

        assertInstanceOf(EntityLogic.RunFlow.class, logic.decide(logic.emptyMemory(), copy, log), "never got it");
        EntityMemory<CallState> memory = logic.after(logic.emptyMemory(), new TimelineEntry(gather, AT, ANSWERED));
        var only = assertInstanceOf(EntityLogic.AnswerCopy.class, logic.decide(memory, copy, log));
        assertEquals(ANSWERED.asRedelivery(), only.reply());
    }

    @Test
    void eventOfAnotherCallOrKindIsRefusedAsMisrouted() {
        CallEvents call = CallEvents.newCall();
        EntityLogic<CallEvent, CallState> logic = callLogic(call, 16);
        ConferenceCreated conference =
                new ConferenceCreated(new ConferenceDetails(ConferenceId.of("conf-logic"), "room", null, null));

        for (var event : List.of(CallEvents.newCall().initiate(), conference)) {
            var refuse = assertInstanceOf(EntityLogic.Refuse.class, logic.decide(logic.emptyMemory(), event, AT, log));
            assertEquals(ReplyOrigin.MISROUTED, refuse.reply().origin());
        }
    }

    @Test
    void replayingTheAnsweredEntriesRebuildsWhatTheEntityKnewWhileAnsweringThem() {
        CallEvents call = CallEvents.newCall();
        EntityLogic<CallEvent, CallState> logic = callLogic(call, 3);
        List<CallEvent> events = List.of(
                call.initiate(),
                call.answer(),
                call.gather("1"),
                call.gather("2"),
                call.gather("1"),
                call.disconnect(DisconnectCause.HANGUP));
        EntityMemory<CallState> live = logic.emptyMemory();
        List<TimelineEntry> journal = new ArrayList<>();
        for (CallEvent event : events) {
            var decision = logic.decide(live, event, AT, log);
            TimelineEntry entry = decision instanceof EntityLogic.AnswerAgain<CallEvent, CallState> again
                    ? again.entry()
                    : new TimelineEntry(event, AT, ANSWERED);
            live = logic.after(live, entry);
            journal.add(entry);
        }

        EntityMemory<CallState> replayed = logic.emptyMemory();
        for (TimelineEntry entry : journal) {
            replayed = logic.after(replayed, entry);
        }

        assertEquals(live, replayed);
        assertEquals(List.of("1", "2", "1"), replayed.state().gatheredDigits());
        assertEquals(3, replayed.timeline().size(), "the timeline keeps the remembered number, the latest");
        assertTrue(logic.ended(replayed));
    }

    @Test
    void exactlyTheEventsThatEndACallInTheMiddleOfItAreTheEndingOnes() {
        CallEvents call = CallEvents.newCall();
        EntityLogic<CallEvent, CallState> logic = callLogic(call, 16);
        EntityMemory<CallState> midCall = logic.after(
                logic.after(logic.emptyMemory(), new TimelineEntry(call.initiate(), AT, ANSWERED)),
                new TimelineEntry(call.answer(), AT, ANSWERED));
        List<CallEvent> everyKind = List.of(
                call.initiate(),
                call.answer(),
                call.redirect(),
                call.gather("1"),
                call.recordComplete(CallEvents.fullRecording("r-1")),
                call.transcription(CallEvents.fullRecording("r-1"), CallEvents.transcriptionOf("r-1")),
                call.transferAnswer(),
                call.disconnect(DisconnectCause.HANGUP),
                call.transferDisconnect(DisconnectCause.HANGUP),
                call.transferComplete(DisconnectCause.BUSY),
                call.bridgeComplete(DisconnectCause.HANGUP),
                call.bridgeTargetComplete(),
                call.recordingAvailable(CallEvents.fullRecording("r-1")),
                call.dtmf("5"),
                call.machineDetection("human"),
                call.mediaStream(MediaStreamChange.STARTED, "s-1"),
                call.realTimeTranscription(RealTimeTranscriptionChange.STARTED, "t-1"),
                call.referComplete(ReferCallStatus.SUCCESS, 202),
                call.unrecognized("future", Map.of()));
        for (CallEvent event : everyKind) {
            TimelineEntry entry = new TimelineEntry(event, AT, ANSWERED);
            assertEquals(logic.ended(logic.after(midCall, entry)), logic.ends(entry), event.eventType());
        }
        assertTrue(logic.ends(new TimelineEntry(call.disconnect(DisconnectCause.HANGUP), AT, ANSWERED)));
    }

    @Test
    void aCompletedConferenceEnds() {
        ConferenceId id = ConferenceId.of("conf-ends");
        EntityLogic<ConferenceEvent, ConferenceState> logic =
                new EntityLogic<>(ConferenceEntity.rules(id, new ConferenceFlow() {}), EntityTestSupport.settings());
        ConferenceDetails details = new ConferenceDetails(id, "room", null, null);
        ConferenceMemberJoined joined =
                new ConferenceMemberJoined(details, new ConferenceMember(CallEvents.newCallId(), null, null));

        assertFalse(logic.ends(new TimelineEntry(joined, AT, ANSWERED)));
        assertTrue(logic.ends(new TimelineEntry(new ConferenceCompleted(details), AT, ANSWERED)));
        assertNull(TimelineEntry.pending(joined, AT).reply());
    }

    @Test
    void eachEventNamesTheReplyContextItsTypeMapsTo() {
        CallEvents call = CallEvents.newCall();
        ConferenceEvents conference = ConferenceEvents.newConference();
        List<VoiceEvent> events = List.of(
                call.initiate(),
                call.answer(),
                call.redirect(),
                call.gather("1"),
                call.transferAnswer(),
                call.transferComplete(DisconnectCause.HANGUP),
                call.bridgeComplete(DisconnectCause.HANGUP),
                call.bridgeTargetComplete(),
                conference.created(),
                conference.redirected(),
                conference.completed());

        for (VoiceEvent event : events) {
            assertEquals(ReplyContext.ofEventType(event.eventType()), event.replyContext(), event.eventType());
        }
        assertEquals(ReplyContext.TRANSFER_ANSWER, call.transferAnswer().replyContext());
        assertEquals(ReplyContext.CONFERENCE, conference.created().replyContext());
        assertEquals(ReplyContext.CALL, call.gather("1").replyContext());
    }
}
