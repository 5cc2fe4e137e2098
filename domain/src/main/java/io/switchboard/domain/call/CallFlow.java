package io.switchboard.domain.call;

import io.switchboard.domain.flow.Flow;
import io.switchboard.domain.flow.FlowContext;
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
 * deadline or the caller hears the fallback. A flow that never blocks says so ({@link #mayBlock} false) and runs
 * on its entity's thread instead, which saves two thread hand-offs per event.
 *
 * <p>Every method comes twice: with the event and the state, and with a {@link FlowContext} as well, through which
 * a flow steers calls and conferences at Bandwidth (redirect, hang up, replace BXML, mute, place a call) and reads
 * what it holds (a call's state, recordings, transcriptions). The context's requests go out once the reply is
 * decided, are kept on the call's timeline with their outcome, and are never sent twice for one event. The
 * method with the context calls the one without by default, so a flow overrides whichever it needs:
 *
 * <pre>{@code
 * public void onMachineDetectionComplete(MachineDetectionCompleted event, CallState call, FlowContext context) {
 *     context.call(call.callId()).redirect(event.result().machine() ? voicemailUrl : menuUrl);
 * }
 * }</pre>
 *
 * <p>One flow instance serves every call, on every node: it must not keep per-call state in its fields (nor in a
 * static map, which a restart or another node would not see). What a flow must remember about a call is the call's
 * flow data, a record set with {@link FlowContext#setData} and read by later events with {@link FlowContext#data}:
 * stored with the event that set it, so seen on any node and after a recovery. Work the call need not wait for
 * (a recording download in {@code onRecordingAvailable}) is side work, {@link FlowContext#sideWork}: it does not
 * hold the call's later events, and its failures are logged and counted.
 *
 * <p>The defaults answer executed events with an empty {@code <Response/>}, which Bandwidth treats as a hang-up.
 */
public interface CallFlow extends Flow {

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

    /** A key press reported by {@code <StartGather>}; no BXML can answer it: react through the context. */
    default void onDtmf(DtmfReceived event, CallState call) {}

    /** Asynchronous answering-machine detection finished; react through the context (redirect, hang up). */
    default void onMachineDetectionComplete(MachineDetectionCompleted event, CallState call) {}

    /** A media stream started, was rejected or stopped ({@link MediaStreamChanged#change()}). */
    default void onMediaStream(MediaStreamChanged event, CallState call) {}

    /** A real-time transcription started, was rejected, stopped or its transcript is available. */
    default void onRealTimeTranscription(RealTimeTranscriptionChanged event, CallState call) {}

    /** An event of a type this version does not know; already counted in the call's state. */
    default void onUnrecognized(UnrecognizedCallEvent event, CallState call) {}

    // Each event again, with the context of the event: override these to steer calls, conferences and members.

    default Reply onInitiate(CallInitiated event, CallState call, FlowContext context) {
        return onInitiate(event, call);
    }

    default Reply onAnswer(CallAnswered event, CallState call, FlowContext context) {
        return onAnswer(event, call);
    }

    default Reply onGather(GatherCompleted event, CallState call, FlowContext context) {
        return onGather(event, call);
    }

    default Reply onRedirect(CallRedirected event, CallState call, FlowContext context) {
        return onRedirect(event, call);
    }

    default Reply onRecordingComplete(RecordingCompleted event, CallState call, FlowContext context) {
        return onRecordingComplete(event, call);
    }

    default Reply onTransferAnswer(TransferAnswered event, CallState call, FlowContext context) {
        return onTransferAnswer(event, call);
    }

    default Reply onTransferComplete(TransferCompleted event, CallState call, FlowContext context) {
        return onTransferComplete(event, call);
    }

    default Reply onBridgeComplete(BridgeCompleted event, CallState call, FlowContext context) {
        return onBridgeComplete(event, call);
    }

    default Reply onBridgeTargetComplete(BridgeTargetCompleted event, CallState call, FlowContext context) {
        return onBridgeTargetComplete(event, call);
    }

    default Reply onReferComplete(ReferCompleted event, CallState call, FlowContext context) {
        return onReferComplete(event, call);
    }

    default void onDisconnect(CallDisconnected event, CallState call, FlowContext context) {
        onDisconnect(event, call);
    }

    default void onTransferDisconnect(TransferDisconnected event, CallState call, FlowContext context) {
        onTransferDisconnect(event, call);
    }

    default void onTranscriptionAvailable(TranscriptionAvailable event, CallState call, FlowContext context) {
        onTranscriptionAvailable(event, call);
    }

    default void onRecordingAvailable(RecordingAvailable event, CallState call, FlowContext context) {
        onRecordingAvailable(event, call);
    }

    default void onDtmf(DtmfReceived event, CallState call, FlowContext context) {
        onDtmf(event, call);
    }

    default void onMachineDetectionComplete(MachineDetectionCompleted event, CallState call, FlowContext context) {
        onMachineDetectionComplete(event, call);
    }

    default void onMediaStream(MediaStreamChanged event, CallState call, FlowContext context) {
        onMediaStream(event, call);
    }

    default void onRealTimeTranscription(RealTimeTranscriptionChanged event, CallState call, FlowContext context) {
        onRealTimeTranscription(event, call);
    }

    default void onUnrecognized(UnrecognizedCallEvent event, CallState call, FlowContext context) {
        onUnrecognized(event, call);
    }
}
