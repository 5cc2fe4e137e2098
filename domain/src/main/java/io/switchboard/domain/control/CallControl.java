package io.switchboard.domain.control;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The outbound port to Bandwidth's call control: place calls, steer live ones and conferences, read calls,
 * recordings and transcriptions. Every method returns at once; the stage completes with Bandwidth's answer or
 * fails with a {@link CallControlFailure} (or an {@link InvalidRequestException} when a value is refused before
 * anything is sent). Flows do not call the changing methods themselves: they record {@link CallControlRequest}s
 * through their {@link io.switchboard.domain.flow.FlowContext}, which the entity issues after the reply, once, and keeps on the call's
 * timeline with their outcome.
 */
public interface CallControl extends CallControlQueries {

    CompletionStage<CreatedCall> createCall(CreateCall request);

    CompletionStage<Void> updateCall(UpdateCall request);

    CompletionStage<Void> replaceCallBxml(ReplaceCallBxml request);

    CompletionStage<Void> updateConference(UpdateConference request);

    CompletionStage<Void> replaceConferenceBxml(ReplaceConferenceBxml request);

    CompletionStage<Void> updateConferenceMember(UpdateConferenceMember request);

    /** Call control where none is configured: every request fails with {@code NOT_CONFIGURED}, nothing is sent. */
    static CallControl unavailable() {
        return Unavailable.INSTANCE;
    }

    /** Fails everything; its stages are already complete. */
    enum Unavailable implements CallControl {
        INSTANCE;

        private static <T> CompletionStage<T> refuse(String operation) {
            return CompletableFuture.failedFuture(CallControlFailure.withoutAnswer(
                    CallControlFailure.Kind.NOT_CONFIGURED,
                    operation,
                    "no Bandwidth API credentials are configured (SWITCHBOARD_BANDWIDTH_*)"));
        }

        @Override
        public CompletionStage<CreatedCall> createCall(CreateCall request) {
            return refuse(request.operation());
        }

        @Override
        public CompletionStage<Void> updateCall(UpdateCall request) {
            return refuse(request.operation());
        }

        @Override
        public CompletionStage<Void> replaceCallBxml(ReplaceCallBxml request) {
            return refuse(request.operation());
        }

        @Override
        public CompletionStage<Void> updateConference(UpdateConference request) {
            return refuse(request.operation());
        }

        @Override
        public CompletionStage<Void> replaceConferenceBxml(ReplaceConferenceBxml request) {
            return refuse(request.operation());
        }

        @Override
        public CompletionStage<Void> updateConferenceMember(UpdateConferenceMember request) {
            return refuse(request.operation());
        }

        @Override
        public CompletionStage<CallInfo> getCall(CallId callId) {
            return refuse("getCallState");
        }

        @Override
        public CompletionStage<List<RecordingInfo>> listCallRecordings(CallId callId) {
            return refuse("listCallRecordings");
        }

        @Override
        public CompletionStage<List<RecordingInfo>> listConferenceRecordings(ConferenceId conferenceId) {
            return refuse("listConferenceRecordings");
        }

        @Override
        public CompletionStage<RecordingMedia> downloadCallRecording(CallId callId, String recordingId) {
            return refuse("downloadCallRecording");
        }

        @Override
        public CompletionStage<RecordingMedia> downloadConferenceRecording(
                ConferenceId conferenceId, String recordingId) {
            return refuse("downloadConferenceRecording");
        }

        @Override
        public CompletionStage<RecordingTranscript> getRecordingTranscription(CallId callId, String recordingId) {
            return refuse("getRecordingTranscription");
        }
    }
}
