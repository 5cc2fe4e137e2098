package io.switchboard.domain.call;

import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/**
 * A {@code <Bridge>} ended, or could not be made; the reply drives the call on.
 *
 * @param outcome why: {@code busy}, {@code rejected}, {@code unknown} or another cause as sent, with Bandwidth's
 *                error message and id
 */
public record BridgeCompleted(CallDetails call, CallEnding outcome) implements CallEvent {
    public static final String EVENT_TYPE = "bridgeComplete";

    public BridgeCompleted {
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
        return flow.onBridgeComplete(this, state, context);
    }
}
