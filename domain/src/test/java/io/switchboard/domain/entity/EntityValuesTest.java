package io.switchboard.domain.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.call.CallEntity;
import io.switchboard.domain.call.CallEvent;
import io.switchboard.domain.call.CallEvents;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.conference.ConferenceDetails;
import io.switchboard.domain.conference.ConferenceMember;
import io.switchboard.domain.conference.ConferenceMemberJoined;
import io.switchboard.domain.verb.Pause;
import io.switchboard.domain.verb.Redirect;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain values around the entity shells: fallback policy, settings, replies and the redelivery memory. */
class EntityValuesTest {
    private static final FallbackPolicy POLICY = new FallbackPolicy(EntityTestSupport.FALLBACK);

    @Test
    void fallbackGivesItsDocumentOnlyToExecutedEvents() {
        CallEvents call = CallEvents.newCall();
        assertEquals(
                new EventReply(EntityTestSupport.FALLBACK, ReplyOrigin.FLOW_TIMED_OUT),
                POLICY.replyTo(call.initiate(), ReplyOrigin.FLOW_TIMED_OUT));
        assertEquals(
                new EventReply(null, ReplyOrigin.OVERLOADED),
                POLICY.replyTo(call.disconnect(DisconnectCause.HANGUP), ReplyOrigin.OVERLOADED));
        ConferenceMemberJoined join = new ConferenceMemberJoined(
                new ConferenceDetails(ConferenceId.of("conf-values"), "room", null, null),
                new ConferenceMember(call.callId(), null, null));
        assertEquals(new EventReply(null, ReplyOrigin.FLOW_FAILED), POLICY.replyTo(join, ReplyOrigin.FLOW_FAILED));
    }

    @Test
    void aHoldPausesThenRedirectsBackAndIsGivenOnlyWhereARedirectMayBeExecuted() {
        HoldPolicy hold = new HoldPolicy(Duration.ofMillis(1500), 3);
        assertEquals(
                new EventReply(
                        Response.builder()
                                .add(new Pause(1.5))
                                .add(Redirect.builder().build())
                                .build(),
                        ReplyOrigin.HELD),
                hold.reply());
        CallEvents call = CallEvents.newCall();
        assertTrue(hold.mayHold(call.answer()));
        assertTrue(hold.mayHold(call.gather("1")));
        assertTrue(hold.mayHold(call.redirect()));
        assertFalse(hold.mayHold(call.transferAnswer()), "a transferAnswer's reply runs on the transfer's leg");
        assertFalse(hold.mayHold(call.disconnect(DisconnectCause.HANGUP)), "its reply is ignored");
        assertFalse(HoldPolicy.none().mayHold(call.answer()), "holding turned off");
        assertThrows(IllegalArgumentException.class, () -> new HoldPolicy(Duration.ofMillis(1250), 3));
        assertThrows(IllegalArgumentException.class, () -> new HoldPolicy(Duration.ofSeconds(1), -1));
    }

    @Test
    void onlyFlowAndRedeliveryAreNotFallbacks() {
        List<ReplyOrigin> fallbacks = Arrays.stream(ReplyOrigin.values())
                .filter(ReplyOrigin::isFallback)
                .toList();
        assertEquals(
                List.of(
                        ReplyOrigin.FLOW_FAILED,
                        ReplyOrigin.FLOW_TIMED_OUT,
                        ReplyOrigin.OVERLOADED,
                        ReplyOrigin.DEADLINE_EXCEEDED,
                        ReplyOrigin.HELD,
                        ReplyOrigin.MISROUTED,
                        ReplyOrigin.INVALID_BXML),
                fallbacks);
    }

    @Test
    void redeliveryKeepsTheResponse() {
        EventReply reply = new EventReply(Response.builder().speakSentence("hi").build(), ReplyOrigin.FLOW);
        assertEquals(new EventReply(reply.response(), ReplyOrigin.REDELIVERY), reply.asRedelivery());
        assertTrue(reply.bxml().isPresent());
        assertTrue(new EventReply(null, ReplyOrigin.FLOW).bxml().isEmpty());
        assertThrows(NullPointerException.class, () -> new EventReply(null, null));
    }

    @Test
    void settingsRefuseNonPositiveTimesAndCapacities() {
        Duration s = Duration.ofSeconds(1);
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> new EntitySettings(Duration.ZERO, s, s, 1, 1, POLICY));
        assertTrue(refused.getMessage().contains("flowTimeout"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EntitySettings(s, s.negated(), s, 1, 1, POLICY));
        assertThrows(IllegalArgumentException.class, () -> new EntitySettings(s, s, null, 1, 1, POLICY));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new EntitySettings(s, s, s, 0, 1, POLICY))
                .getMessage()
                .contains("stashCapacity"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new EntitySettings(s, s, s, 1, 0, POLICY))
                .getMessage()
                .contains("rememberedReplies"));
        assertThrows(NullPointerException.class, () -> new EntitySettings(s, s, s, 1, 1, null));
    }

    @Test
    void memoryAnswersEqualEventsAndForgetsTheOldestFirst() {
        CallEvents call = CallEvents.newCall();
        EntityLogic<CallEvent, CallState> logic = new EntityLogic<>(
                CallEntity.rules(call.callId(), new CallFlow() {}), EntityTestSupport.settings(16, 2));
        GatherCompleted first = call.gather("1");
        GatherCompleted second = call.gather("2");
        GatherCompleted third = call.gather("3");
        EventReply one = new EventReply(Response.builder().speakSentence("one").build(), ReplyOrigin.FLOW);
        EntityMemory<CallState> memory = logic.emptyMemory();
        memory = logic.after(memory, new TimelineEntry(first, Instant.now(), one));
        memory = logic.after(memory, new TimelineEntry(second, Instant.now(), new EventReply(null, ReplyOrigin.FLOW)));

        assertEquals(
                one,
                memory.replyGivenTo(new GatherCompleted(first.call(), "1", first.terminatingDigit()))
                        .orElseThrow());
        memory = logic.after(memory, new TimelineEntry(third, Instant.now(), new EventReply(null, ReplyOrigin.FLOW)));
        assertFalse(memory.replyGivenTo(first).isPresent(), "the oldest is forgotten past the capacity");
        assertTrue(memory.replyGivenTo(second).isPresent());
        assertTrue(memory.replyGivenTo(third).isPresent());
    }
}
