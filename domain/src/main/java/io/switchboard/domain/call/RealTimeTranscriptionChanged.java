package io.switchboard.domain.call;

import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/**
 * A real-time transcription of the call started, was rejected, stopped, or its transcript became available
 * ({@code realTimeTranscriptionStarted/Rejected/Stopped/Available}: one record, the wire name is
 * {@link #eventType()}). Bandwidth ignores the reply.
 *
 * @param cause        on rejected and stopped; kept as sent
 * @param errorMessage Bandwidth's explanation, when there is one
 */
public record RealTimeTranscriptionChanged(
        CallDetails call,
        RealTimeTranscriptionChange change,
        RealTimeTranscription transcription,
        String cause,
        String errorMessage)
        implements CallEvent {

    public RealTimeTranscriptionChanged {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(transcription, "transcription");
    }

    /** {@code realTimeTranscriptionStarted}, {@code ...Rejected}, {@code ...Stopped} or {@code ...Available}. */
    @Override
    public String eventType() {
        return change.wireName();
    }

    @Override
    public ReplyExpectation replyExpectation() {
        return ReplyExpectation.IGNORED;
    }

    @Override
    public Reply offerTo(CallFlow flow, CallState state, FlowContext context) {
        flow.onRealTimeTranscription(this, state, context);
        return Reply.none();
    }
}
