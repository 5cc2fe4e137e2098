package io.switchboard.domain.call;

import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/**
 * Asynchronous answering-machine detection of an outbound call finished. Bandwidth ignores the reply; react
 * through the update-call API.
 */
public record MachineDetectionCompleted(CallDetails call, MachineDetectionResult result) implements CallEvent {
    public static final String EVENT_TYPE = "machineDetectionComplete";

    public MachineDetectionCompleted {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(result, "result");
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
        flow.onMachineDetectionComplete(this, state, context);
        return Reply.none();
    }
}
