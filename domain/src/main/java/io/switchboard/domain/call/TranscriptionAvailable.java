package io.switchboard.domain.call;

import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/** A recording's transcription is ready (the contract's {@code transcription}). Bandwidth ignores the reply; it may come after the call ended. */
public record TranscriptionAvailable(CallDetails call, Recording recording, Transcription transcription)
        implements CallEvent {
    public static final String EVENT_TYPE = "transcriptionAvailable";

    public TranscriptionAvailable {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(transcription, "transcription");
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
        flow.onTranscriptionAvailable(this, state, context);
        return Reply.none();
    }
}
