package io.switchboard.domain.call;

import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/** A {@code <Record>} finished (the contract's {@code recording} event, the live {@code recordComplete}); the reply drives the call on. */
public record RecordingCompleted(CallDetails call, Recording recording) implements CallEvent {
    public static final String EVENT_TYPE = "recordComplete";

    public RecordingCompleted {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(recording, "recording");
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
        return flow.onRecordingComplete(this, state, context);
    }
}
