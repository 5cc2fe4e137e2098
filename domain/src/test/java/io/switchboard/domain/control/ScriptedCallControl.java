package io.switchboard.domain.control;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Call control whose answers the test gives: every request waits, with the thread it was sent from, until the
 * test completes it. Queries answer at once with nothing.
 */
public final class ScriptedCallControl implements CallControl {

    /** A request as it arrived, the thread that sent it, and the answer the test gives it. */
    public record Sent(CallControlRequest request, String thread, CompletableFuture<Object> answer) {
        public void succeed() {
            answer.complete(request instanceof CreateCall ? new CreatedCall(CallId.of("c-created"), null, null) : null);
        }

        public void fail(CallControlFailure failure) {
            answer.completeExceptionally(failure);
        }
    }

    private final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();

    /** The next request sent, waiting up to 10 s for it; {@code null} when none came. */
    public Sent next() throws InterruptedException {
        return sent.poll(10, TimeUnit.SECONDS);
    }

    /** The next request, if one comes within {@code millis}. */
    public Sent nextWithin(long millis) throws InterruptedException {
        return sent.poll(millis, TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings("unchecked")
    private <T> CompletionStage<T> send(CallControlRequest request) {
        Sent one = new Sent(request, Thread.currentThread().getName(), new CompletableFuture<>());
        sent.add(one);
        return (CompletionStage<T>) one.answer();
    }

    @Override
    public CompletionStage<CreatedCall> createCall(CreateCall request) {
        return send(request);
    }

    @Override
    public CompletionStage<Void> updateCall(UpdateCall request) {
        return send(request);
    }

    @Override
    public CompletionStage<Void> replaceCallBxml(ReplaceCallBxml request) {
        return send(request);
    }

    @Override
    public CompletionStage<Void> updateConference(UpdateConference request) {
        return send(request);
    }

    @Override
    public CompletionStage<Void> replaceConferenceBxml(ReplaceConferenceBxml request) {
        return send(request);
    }

    @Override
    public CompletionStage<Void> updateConferenceMember(UpdateConferenceMember request) {
        return send(request);
    }

    @Override
    public CompletionStage<CallInfo> getCall(CallId callId) {
        return CompletableFuture.completedFuture(
                new CallInfo(callId, null, null, null, null, "answered", null, null, null, null, null, null));
    }

    @Override
    public CompletionStage<List<RecordingInfo>> listCallRecordings(CallId callId) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletionStage<List<RecordingInfo>> listConferenceRecordings(ConferenceId conferenceId) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletionStage<RecordingMedia> downloadCallRecording(CallId callId, String recordingId) {
        return CompletableFuture.completedFuture(new RecordingMedia(new byte[0], "audio/vnd.wave"));
    }

    @Override
    public CompletionStage<RecordingMedia> downloadConferenceRecording(ConferenceId conferenceId, String recordingId) {
        return CompletableFuture.completedFuture(new RecordingMedia(new byte[0], "audio/mpeg"));
    }

    @Override
    public CompletionStage<RecordingTranscript> getRecordingTranscription(CallId callId, String recordingId) {
        return CompletableFuture.completedFuture(new RecordingTranscript(List.of()));
    }
}
