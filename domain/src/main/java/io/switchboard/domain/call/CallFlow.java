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

    /** A {@code <Transfer>} ended (on the A-leg, while it is up); the reply drives the A-leg on. */
    default Reply onTransferComplete(TransferCompleted event, CallState call) {
        return Response.empty();
    }

    /** A {@code <Bridge>} ended or failed; the reply drives this call on. */
    default Reply onBridgeComplete(BridgeCompleted event, CallState call) {
        return Response.empty();
    }

    /** The call this one was bridged to left; the reply drives this call on. */
    default Reply onBridgeTargetComplete(BridgeTargetCompleted event, CallState call) {
        return Response.empty();
    }

    /** A {@code <Refer>} finished; Bandwidth runs the reply only when it failed. */
    default Reply onReferComplete(ReferCompleted event, CallState call) {
        return Response.empty();
    }

    default void onDisconnect(CallDisconnected event, CallState call) {}

    default void onTransferDisconnect(TransferDisconnected event, CallState call) {}

    default void onTranscriptionAvailable(TranscriptionAvailable event, CallState call) {}

    default void onRecordingAvailable(RecordingAvailable event, CallState call) {}

    /** A key press reported by {@code <StartGather>}; no BXML can answer it (use the update-call API). */
    default void onDtmf(DtmfReceived event, CallState call) {}

    /** Asynchronous answering-machine detection finished; react through the update-call API. */
    default void onMachineDetectionComplete(MachineDetectionCompleted event, CallState call) {}

    /** A media stream started, was rejected or stopped ({@link MediaStreamChanged#change()}). */
    default void onMediaStream(MediaStreamChanged event, CallState call) {}

    /** A real-time transcription started, was rejected, stopped or its transcript is available. */
    default void onRealTimeTranscription(RealTimeTranscriptionChanged event, CallState call) {}

    /** An event of a type this version does not know; already counted in the call's state. */
    default void onUnrecognized(UnrecognizedCallEvent event, CallState call) {}
}
