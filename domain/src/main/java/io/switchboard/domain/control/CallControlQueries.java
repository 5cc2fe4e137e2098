package io.switchboard.domain.control;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The reading half of {@link CallControl}: nothing here changes a call, so a flow may use it directly (through
 * {@link io.switchboard.domain.flow.FlowContext#queries()}) and nothing is recorded. A recording or transcription that is not there yet
 * fails with {@code NOT_FOUND}.
 */
public interface CallControlQueries {

    /** The call's state as Bandwidth reports it. */
    CompletionStage<CallInfo> getCall(CallId callId);

    CompletionStage<List<RecordingInfo>> listCallRecordings(CallId callId);

    CompletionStage<List<RecordingInfo>> listConferenceRecordings(ConferenceId conferenceId);

    CompletionStage<RecordingMedia> downloadCallRecording(CallId callId, String recordingId);

    CompletionStage<RecordingMedia> downloadConferenceRecording(ConferenceId conferenceId, String recordingId);

    CompletionStage<RecordingTranscript> getRecordingTranscription(CallId callId, String recordingId);
}
