package io.switchboard.domain.call;

import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/** A {@code <Gather>} ended; {@code digits} is empty when the caller pressed nothing, {@code terminatingDigit} empty when none ended it. */
public record GatherCompleted(CallDetails call, String digits, String terminatingDigit) implements CallEvent {
    public static final String EVENT_TYPE = "gather";

    public GatherCompleted {
        Objects.requireNonNull(call, "call");
        digits = Objects.requireNonNullElse(digits, "");
        terminatingDigit = Objects.requireNonNullElse(terminatingDigit, "");
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
        return flow.onGather(this, state, context);
    }
}
