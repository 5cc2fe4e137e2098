package io.switchboard.application.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.application.SampleEvents;
import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.call.CallEnding;
import io.switchboard.domain.call.CallRedirected;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.entity.HoldPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Which event a redirect stands for, how often a call is held, and when a hold is forgotten; on a manual clock. */
class HeldCallsTest {
    private static final HoldPolicy POLICY = new HoldPolicy(Duration.ofSeconds(1), 2);
    private static final Duration FORGET_AFTER = Duration.ofSeconds(60);

    private final AtomicLong now = new AtomicLong();
    private final HeldCalls held = new HeldCalls(POLICY, 1, FORGET_AFTER, now::get);

    private static CallRedirected redirect(String callId) {
        return new CallRedirected(SampleEvents.call(callId));
    }

    @Test
    void aRedirectOfAHeldCallStandsForTheHeldEventUntilItIsAnswered() {
        GatherCompleted gather = SampleEvents.gather("c-1", "4");
        assertEquals(Optional.of(POLICY.reply()), held.hold(gather));
        assertEquals(gather, held.eventToAsk(redirect("c-1")));
        assertEquals(redirect("c-2"), held.eventToAsk(redirect("c-2")), "a call that was not held");

        held.answered(gather);
        assertEquals(redirect("c-1"), held.eventToAsk(redirect("c-1")), "the flow's own redirect after the hold");
    }

    @Test
    void aCallIsHeldAtMostMaxHoldsPerCallTimesInARowThenGetsTheFallback() {
        GatherCompleted gather = SampleEvents.gather("c-1", "4");
        assertTrue(held.hold(gather).isPresent());
        assertTrue(held.hold(gather).isPresent());
        assertEquals(Optional.empty(), held.hold(gather));
        assertEquals(redirect("c-1"), held.eventToAsk(redirect("c-1")), "no longer held");
    }

    @Test
    void pastTheCapacityNoNewCallIsHeldUntilAHoldIsForgotten() {
        assertTrue(held.hold(SampleEvents.gather("c-1", "4")).isPresent());
        assertEquals(Optional.empty(), held.hold(SampleEvents.gather("c-2", "5")), "one call held at most");

        now.addAndGet(FORGET_AFTER.plusSeconds(1).toNanos());
        assertEquals(redirect("c-1"), held.eventToAsk(redirect("c-1")), "a hold whose redirect never came back");
        assertTrue(held.hold(SampleEvents.gather("c-2", "5")).isPresent());
    }

    @Test
    void aHeldCallThatDisconnectsIsNoLongerHeld() {
        assertTrue(held.hold(SampleEvents.gather("c-1", "4")).isPresent());
        held.eventToAsk(new CallDisconnected(SampleEvents.call("c-1"), CallEnding.of(DisconnectCause.HANGUP)));
        assertTrue(held.hold(SampleEvents.gather("c-2", "5")).isPresent(), "the capacity is free again");
    }
}
