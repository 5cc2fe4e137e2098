package io.switchboard.testkit.simulator;

import io.switchboard.domain.common.DisconnectCause;
import java.util.Objects;

/**
 * How a leg's BXML came to an end.
 *
 * @param cause        the disconnect cause Bandwidth would report; {@code null} when the document simply ran out
 *                     of verbs (an A-leg then hangs up; a transfer's B-leg is bridged)
 * @param byCaller     whether the person on the leg hung up (rather than the BXML or a failure)
 * @param errorMessage why the call failed, for {@code callback-error} and {@code invalid-bxml}
 */
public record CallOutcome(DisconnectCause cause, boolean byCaller, String errorMessage) {

    private static final CallOutcome DOCUMENT_ENDED = new CallOutcome(null, false, null);
    private static final CallOutcome HUNG_UP_BY_BXML = new CallOutcome(DisconnectCause.HANGUP, false, null);
    private static final CallOutcome HUNG_UP_BY_CALLER = new CallOutcome(DisconnectCause.HANGUP, true, null);

    /** The BXML ran out of verbs without asking for more. */
    public static CallOutcome documentEnded() {
        return DOCUMENT_ENDED;
    }

    /** A {@code <Hangup>} (or a {@code <Forward>}ed call ending, or a hang-up through the Voice API). */
    public static CallOutcome hungUpByBxml() {
        return HUNG_UP_BY_BXML;
    }

    public static CallOutcome hungUpByCaller() {
        return HUNG_UP_BY_CALLER;
    }

    /** Bandwidth fails the call: {@code callback-error} (no usable answer) or {@code invalid-bxml}. */
    public static CallOutcome failed(DisconnectCause cause, String errorMessage) {
        return new CallOutcome(Objects.requireNonNull(cause, "cause"), false, errorMessage);
    }

    /** The cause the leg's disconnect reports: running out of verbs is an implicit hang-up. */
    public DisconnectCause disconnectCause() {
        return cause == null ? DisconnectCause.HANGUP : cause;
    }

    /** Whether the service made the call fail. */
    public boolean failed() {
        return errorMessage != null;
    }

    @Override
    public String toString() {
        if (cause == null) {
            return "the BXML ran out of verbs";
        }
        return (byCaller ? "the caller hung up" : cause.value())
                + (errorMessage == null ? "" : " (" + errorMessage + ")");
    }
}
