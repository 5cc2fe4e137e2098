package io.switchboard.domain.call;

import io.switchboard.domain.common.Checks;
import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/**
 * A {@code <Refer>} finished. Bandwidth runs the reply only when the refer failed; on success the call is
 * handed over and torn down, and the reply is ignored.
 *
 * @param referSipResponseCode  the SIP response to the REFER, when sent (100-699)
 * @param notifySipResponseCode the SIP response carried by the NOTIFY that followed, when sent (100-699)
 * @param referTo               the SIP URI referred to, when sent
 */
public record ReferCompleted(
        CallDetails call,
        ReferCallStatus referCallStatus,
        Integer referSipResponseCode,
        Integer notifySipResponseCode,
        String referTo)
        implements CallEvent {
    public static final String EVENT_TYPE = "referComplete";

    public ReferCompleted {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(referCallStatus, "referCallStatus");
        Checks.requireNonBlankIfPresent("referTo", referTo);
        ReferOutcome.requireSipCode("referSipResponseCode", referSipResponseCode);
        ReferOutcome.requireSipCode("notifySipResponseCode", notifySipResponseCode);
    }

    /** The outcome as the call's state keeps it. */
    public ReferOutcome outcome() {
        return new ReferOutcome(referCallStatus, referSipResponseCode, notifySipResponseCode, referTo);
    }

    @Override
    public String eventType() {
        return EVENT_TYPE;
    }

    @Override
    public ReplyExpectation replyExpectation() {
        return ReplyExpectation.EXECUTED;
    }

    @Override
    public Reply offerTo(CallFlow flow, CallState state, FlowContext context) {
        return flow.onReferComplete(this, state, context);
    }
}
