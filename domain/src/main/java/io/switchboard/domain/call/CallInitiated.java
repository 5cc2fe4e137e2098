package io.switchboard.domain.call;

import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/** An inbound call arrived; the BXML reply drives it (no {@code answer} follows). */
public record CallInitiated(CallDetails call) implements CallEvent {
    public static final String EVENT_TYPE = "initiate";

    public CallInitiated {
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

    @Override
    public Reply offerTo(CallFlow flow, CallState state, FlowContext context) {
        return flow.onInitiate(this, state, context);
    }
}
