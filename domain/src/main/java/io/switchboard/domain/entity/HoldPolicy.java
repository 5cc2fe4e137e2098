package io.switchboard.domain.entity;

import io.switchboard.domain.call.CallEvent;
import io.switchboard.domain.call.CallRedirected;
import io.switchboard.domain.call.TransferAnswered;
import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.verb.Pause;
import io.switchboard.domain.verb.Redirect;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.Objects;

/**
 * What a call hears while its entity cannot be reached (its node was lost and its shards have not moved yet):
 * a short pause, then a redirect back to this service, instead of the apology and a hang-up. The {@code redirect}
 * event that follows is answered with the flow's reply to the event that was held; after {@code maxHoldsPerCall}
 * holds in a row the call gets the fallback after all.
 *
 * @param pause           how long the caller hears silence before Bandwidth asks again
 * @param maxHoldsPerCall holds in a row for one call before the fallback; 0 turns holding off
 */
public record HoldPolicy(Duration pause, int maxHoldsPerCall) {
    public HoldPolicy {
        Objects.requireNonNull(pause, "pause");
        if (pause.isNegative() || pause.isZero() || pause.toMillis() % 100 != 0) {
            throw new IllegalArgumentException("pause must be positive, in tenths of a second, was " + pause);
        }
        if (maxHoldsPerCall < 0) {
            throw new IllegalArgumentException("maxHoldsPerCall must not be negative, was " + maxHoldsPerCall);
        }
    }

    /** Holding turned off: every unreachable entity's event gets the fallback. */
    public static HoldPolicy none() {
        return new HoldPolicy(Duration.ofSeconds(1), 0);
    }

    /**
     * Whether {@code event} may be held: an event of a call whose BXML Bandwidth executes, in the context where a
     * Redirect is allowed (not a transferAnswer, whose reply runs on the transfer's leg).
     */
    public boolean mayHold(VoiceEvent event) {
        return maxHoldsPerCall > 0
                && event instanceof CallEvent
                && !(event instanceof TransferAnswered)
                && event.replyExpectation() == ReplyExpectation.EXECUTED;
    }

    /**
     * Whether {@code event} is the one a hold brings back: a redirect of a call that was held. The redirect the
     * flow itself asked for is not, as its call is not held.
     */
    public static boolean mayReturnFromHold(VoiceEvent event) {
        return event instanceof CallRedirected;
    }

    /** The hold's reply: a pause, then a redirect to this service's {@code /redirect} channel. */
    public EventReply reply() {
        return new EventReply(
                Response.builder()
                        .add(new Pause(pause.toMillis() / 1000.0))
                        .add(Redirect.builder().build())
                        .build(),
                ReplyOrigin.HELD);
    }
}
