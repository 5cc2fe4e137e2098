package io.switchboard.domain.call;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ReplyContext;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.time.Instant;

/**
 * A webhook about one call leg. Each kind knows which {@link CallFlow} method answers it, so adding a kind
 * of event cannot compile until the flow port has a method for it.
 */
public sealed interface CallEvent extends VoiceEvent
        permits CallInitiated,
                CallAnswered,
                CallDisconnected,
                CallRedirected,
                GatherCompleted,
                RecordingCompleted,
                TranscriptionAvailable,
                TransferAnswered,
                TransferDisconnected,
                TransferCompleted,
                BridgeCompleted,
                BridgeTargetCompleted,
                RecordingAvailable,
                DtmfReceived,
                MachineDetectionCompleted,
                MediaStreamChanged,
                RealTimeTranscriptionChanged,
                ReferCompleted,
                UnrecognizedCallEvent {

    CallDetails call();

    default CallId callId() {
        return call().callId();
    }

    @Override
    default String entityId() {
        return callId().value();
    }

    @Override
    default String entityIdName() {
        return "callId";
    }

    @Override
    default Instant eventTime() {
        return call().eventTime();
    }

    /** Its BXML runs on the call; a {@link TransferAnswered} says otherwise. */
    @Override
    default ReplyContext replyContext() {
        return ReplyContext.CALL;
    }

    /** Asks {@code flow} what to reply to this event, given the call's state after the event was applied. */
    Reply offerTo(CallFlow flow, CallState state, FlowContext context);
}
