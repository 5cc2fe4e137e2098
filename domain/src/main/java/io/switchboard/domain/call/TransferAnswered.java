package io.switchboard.domain.call;

import io.switchboard.domain.common.ReplyContext;
import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/** The B-leg of a {@code <Transfer>} answered; the reply is played to the B-leg before it is bridged. {@code call().callId()} is the B-leg. */
public record TransferAnswered(CallDetails call) implements CallEvent {
    public static final String EVENT_TYPE = "transferAnswer";

    public TransferAnswered {
        Objects.requireNonNull(call, "call");
    }

    @Override
    public String eventType() {
        return EVENT_TYPE;
    }

    @Override
    public ReplyExpectation replyExpectation() {
        return ReplyExpectation.EXECUTED;
    }

    /** Played to the B-leg before the bridge: it may not bridge or transfer again. */
    @Override
    public ReplyContext replyContext() {
        return ReplyContext.TRANSFER_ANSWER;
    }

    @Override
    public Reply offerTo(CallFlow flow, CallState state, FlowContext context) {
        return flow.onTransferAnswer(this, state, context);
    }
}
