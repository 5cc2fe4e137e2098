package io.switchboard.domain.call;

import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/** The call this one was bridged to by {@code <Bridge>} left the bridge; the reply drives this (target) call on. */
public record BridgeTargetCompleted(CallDetails call) implements CallEvent {
    public static final String EVENT_TYPE = "bridgeTargetComplete";

    public BridgeTargetCompleted {
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
        return flow.onBridgeTargetComplete(this, state, context);
    }
}
