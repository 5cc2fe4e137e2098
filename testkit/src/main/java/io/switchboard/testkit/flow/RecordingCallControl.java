package io.switchboard.testkit.flow;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.control.CallControl;
import io.switchboard.domain.control.CallControlFailure;
import io.switchboard.domain.control.CallControlRequest;
import io.switchboard.domain.control.CallInfo;
import io.switchboard.domain.control.CreateCall;
import io.switchboard.domain.control.CreatedCall;
import io.switchboard.domain.control.RecordingInfo;
import io.switchboard.domain.control.RecordingMedia;
import io.switchboard.domain.control.RecordingTranscript;
import io.switchboard.domain.control.ReplaceCallBxml;
import io.switchboard.domain.control.ReplaceConferenceBxml;
import io.switchboard.domain.control.UpdateCall;
import io.switchboard.domain.control.UpdateConference;
import io.switchboard.domain.control.UpdateConferenceMember;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Call control for offline flow tests: every request a flow's entity issues is recorded and succeeds (a created
 * call gets the id {@code c-placed-<n>}); queries find nothing ({@code NOT_FOUND}). The test reads the requests in
 * the order they were issued, waiting for them, as they go out after the reply that the flow decided.
 */
public final class RecordingCallControl implements CallControl {

    private final List<CallControlRequest> issued = new ArrayList<>();
    private final AtomicInteger placed = new AtomicInteger();
    private int taken;

    /** Every request issued so far, in order. */
    public synchronized List<CallControlRequest> requests() {
        return List.copyOf(issued);
    }

    /**
     * The next request not taken yet, which must be a {@code type}; waits up to {@code patience} for it.
     *
     * @throws AssertionError naming what was issued instead
     */
    public synchronized <R extends CallControlRequest> R next(Class<R> type, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (taken >= issued.size()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected a " + type.getSimpleName() + " request, but none was issued within "
                        + patience + "; issued before: " + issued);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for a " + type.getSimpleName() + " request");
            }
        }
        CallControlRequest next = issued.get(taken++);
        if (!type.isInstance(next)) {
            throw new AssertionError("expected a " + type.getSimpleName() + " request, but the next was " + next);
        }
        return type.cast(next);
    }

    private synchronized <T> CompletionStage<T> record(CallControlRequest request, T result) {
        issued.add(request);
        notifyAll();
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public CompletionStage<CreatedCall> createCall(CreateCall request) {
        CallId callId = CallId.of("c-placed-" + placed.incrementAndGet());
        return record(request, new CreatedCall(callId, null, null));
    }

    @Override
    public CompletionStage<Void> updateCall(UpdateCall request) {
        return record(request, null);
    }

    @Override
    public CompletionStage<Void> replaceCallBxml(ReplaceCallBxml request) {
        return record(request, null);
    }

    @Override
    public CompletionStage<Void> updateConference(UpdateConference request) {
        return record(request, null);
    }

    @Override
    public CompletionStage<Void> replaceConferenceBxml(ReplaceConferenceBxml request) {
        return record(request, null);
    }

    @Override
    public CompletionStage<Void> updateConferenceMember(UpdateConferenceMember request) {
        return record(request, null);
    }

    private static <T> CompletionStage<T> nothing(String operation) {
        return CompletableFuture.failedFuture(CallControlFailure.withoutAnswer(
                CallControlFailure.Kind.NOT_FOUND, operation, "offline flow tests hold no calls at Bandwidth"));
    }

    @Override
    public CompletionStage<CallInfo> getCall(CallId callId) {
        return nothing("getCallState");
    }

    @Override
    public CompletionStage<List<RecordingInfo>> listCallRecordings(CallId callId) {
        return nothing("listCallRecordings");
    }

    @Override
    public CompletionStage<List<RecordingInfo>> listConferenceRecordings(ConferenceId conferenceId) {
        return nothing("listConferenceRecordings");
    }

    @Override
    public CompletionStage<RecordingMedia> downloadCallRecording(CallId callId, String recordingId) {
        return nothing("downloadCallRecording");
    }

    @Override
    public CompletionStage<RecordingMedia> downloadConferenceRecording(ConferenceId conferenceId, String recordingId) {
        return nothing("downloadConferenceRecording");
    }

    @Override
    public CompletionStage<RecordingTranscript> getRecordingTranscription(CallId callId, String recordingId) {
        return nothing("getRecordingTranscription");
    }
}
