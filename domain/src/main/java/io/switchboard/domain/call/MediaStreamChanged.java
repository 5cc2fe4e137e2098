package io.switchboard.domain.call;

import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/**
 * A media stream of the call started, was rejected or stopped ({@code mediaStreamStarted},
 * {@code mediaStreamRejected}, {@code mediaStreamStopped}: one record, the wire name is {@link #eventType()}).
 * Bandwidth ignores the reply.
 *
 * @param cause        on rejected ({@code connection-error}, {@code duplicate}, {@code error}, {@code track-limit})
 *                     and stopped ({@code closed}, {@code connection-error}, {@code error}); kept as sent
 * @param errorMessage Bandwidth's explanation, when there is one
 */
public record MediaStreamChanged(
        CallDetails call, MediaStreamChange change, MediaStream stream, String cause, String errorMessage)
        implements CallEvent {

    public MediaStreamChanged {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(stream, "stream");
    }

    /** {@code mediaStreamStarted}, {@code mediaStreamRejected} or {@code mediaStreamStopped}. */
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
        flow.onMediaStream(this, state, context);
        return Reply.none();
    }
}
