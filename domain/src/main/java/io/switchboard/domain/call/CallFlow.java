package io.switchboard.domain.call;

import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;

/**
 * The port your call logic plugs into: one method per kind of call event, each with a default, so a flow
 * overrides only what it needs.
 *
 * <p>Events whose reply Bandwidth executes return a {@link Reply}: a {@link Response} built now, or
 * {@link Reply#later} for one that is still being worked out. Events whose reply Bandwidth ignores return
 * nothing, so a flow cannot write BXML that would be thrown away.
 *
 * <p>Each method sees the event and the call's state with that event already applied. Methods of one call are
 * never called concurrently and always in the order the events arrived; they run on a dedicated thread pool,
 * never on an actor's thread, so a flow may block briefly, but it must answer within the configured reply
 * deadline or the caller hears the fallback.
 *
 * <p>The defaults answer executed events with an empty {@code <Response/>}, which Bandwidth treats as a hang-up.
 */
public interface CallFlow {

    default Reply onInitiate(CallInitiated event, CallState call) {
        return Response.empty();
    }

    default Reply onAnswer(CallAnswered event, CallState call) {
        return Response.empty();
    }

    default Reply onGather(GatherCompleted event, CallState call) {
        return Response.empty();
    }

    default Reply onRedirect(CallRedirected event, CallState call) {
        return Response.empty();
    }

    default Reply onRecordingComplete(RecordingCompleted event, CallState call) {
        return Response.empty();
    }

    default Reply onTransferAnswer(TransferAnswered event, CallState call) {
        return Response.empty();
    }

    default void onDisconnect(CallDisconnected event, CallState call) {
    }

    default void onTransferDisconnect(TransferDisconnected event, CallState call) {
    }

    default void onTranscriptionAvailable(TranscriptionAvailable event, CallState call) {
    }
}
