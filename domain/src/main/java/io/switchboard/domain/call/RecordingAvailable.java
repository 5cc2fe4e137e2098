package io.switchboard.domain.call;

import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/**
 * A recording's media is ready, or failed ({@code recording().status()}). Bandwidth ignores the reply; it often
 * comes after the call ended.
 */
public record RecordingAvailable(CallDetails call, Recording recording) implements CallEvent {
    public static final String EVENT_TYPE = "recordingAvailable";

    public RecordingAvailable {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(recording, "recording");
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
        flow.onRecordingAvailable(this, state, context);
        return Reply.none();
    }
}
