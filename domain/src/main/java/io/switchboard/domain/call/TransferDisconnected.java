package io.switchboard.domain.call;

import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/** A B-leg of a {@code <Transfer>} ended, however it ended. Bandwidth ignores the reply. */
public record TransferDisconnected(CallDetails call, CallEnding ending) implements CallEvent {
    public static final String EVENT_TYPE = "transferDisconnect";

    public TransferDisconnected {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(ending, "ending");
    }

    @Override
    public String eventType() {
        return EVENT_TYPE;
    }

    @Override
    public ReplyExpectation replyExpectation() {
        return ReplyExpectation.IGNORED;
    }

    @Override
    public Reply offerTo(CallFlow flow, CallState state, FlowContext context) {
        flow.onTransferDisconnect(this, state, context);
        return Reply.none();
    }
}
