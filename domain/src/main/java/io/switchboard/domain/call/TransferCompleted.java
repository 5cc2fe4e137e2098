package io.switchboard.domain.call;

import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/**
 * A {@code <Transfer>} ended, sent on the A-leg (only while it is still up); the reply drives the A-leg on.
 * {@code call().transferCallerId()} and {@code call().transferTo()} say what was dialled.
 *
 * @param outcome why the transfer ended (the causes of {@code disconnect}), with Bandwidth's error message and id
 */
public record TransferCompleted(CallDetails call, CallEnding outcome) implements CallEvent {
    public static final String EVENT_TYPE = "transferComplete";

    public TransferCompleted {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(outcome, "outcome");
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
        return flow.onTransferComplete(this, state, context);
    }
}
