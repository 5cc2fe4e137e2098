package io.switchboard.testkit.simulator;

import static io.switchboard.testkit.simulator.CallContext.done;

import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.call.Recording;
import io.switchboard.domain.call.RecordingAvailable;
import io.switchboard.domain.call.RecordingCompleted;
import io.switchboard.domain.call.RecordingStatus;
import io.switchboard.domain.call.Transcription;
import io.switchboard.domain.call.TranscriptionAvailable;
import io.switchboard.domain.common.FileFormat;
import io.switchboard.domain.verb.Record;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Plays a {@code <Record>}: the person on the leg speaks (up to the verb's limit), then {@code recordComplete};
 * the recording and transcription events it asked for come later, owed until the call is over.
 */
final class RecordStep {
    private static final Duration DEFAULT_RECORDING = Duration.ofSeconds(10);

    private final CallContext call;
    private final CallbacksOwed owed;
    private int recordings;

    RecordStep(CallContext call, CallbacksOwed owed) {
        this.call = call;
        this.owed = owed;
    }

    CompletionStage<CallOutcome> play(
            CallLeg leg, BxmlDocument document, Record record, Supplier<CompletionStage<CallOutcome>> next) {
        call.ran(leg, record);
        URI completeUrl = document.resolve(record.recordComplete(), "recordCompleteUrl");
        URI availableUrl = document.resolve(record.recordingAvailable(), "recordingAvailableUrl");
        URI transcriptionUrl = Boolean.TRUE.equals(record.transcribe())
                ? document.resolve(record.transcriptionAvailable(), "transcriptionAvailableUrl")
                : null;
        return leg.person.respond(record, leg.gathersHeard).thenCompose(move -> {
            Duration spoken = move.after() != null ? move.after() : DEFAULT_RECORDING;
            Duration limit = Duration.ofSeconds(record.maxDuration() == null ? 60 : record.maxDuration());
            Duration length = spoken.compareTo(limit) > 0 ? limit : spoken;
            Instant started = call.now();
            call.advance(length);
            Recording recording = recording(leg, record, started, length);
            // The media is processed after the recording ended; those events often arrive after the call is over.
            if (availableUrl != null) {
                owed.owe(
                        leg,
                        availableUrl,
                        at -> new RecordingAvailable(
                                recordingDetails(leg, at, recording),
                                recording.updatedBy(withStatus(recording, RecordingStatus.COMPLETE))));
            }
            if (transcriptionUrl != null) {
                owed.owe(
                        leg,
                        transcriptionUrl,
                        at -> new TranscriptionAvailable(
                                recordingDetails(leg, at, recording),
                                recording,
                                new Transcription(
                                        "t-" + recording.recordingId(),
                                        call.account.transcriptionUrl(recording.recordingId()),
                                        "available",
                                        at)));
            }
            if (move.hangsUp()) {
                // Bandwidth sends no recordComplete to a call that hung up; the recording is kept all the same.
                return done(CallOutcome.hungUpByCaller());
            }
            return completeUrl == null
                    ? next.get()
                    : call.exchange(
                            leg,
                            completeUrl,
                            new RecordingCompleted(recordingDetails(leg, call.now(), recording), recording));
        });
    }

    /** The recording just made on {@code leg}; its id is unique within the call. */
    private Recording recording(CallLeg leg, Record record, Instant started, Duration length) {
        String recordingId = "r-" + leg.id() + "-" + ++recordings;
        return new Recording(
                recordingId,
                call.account.recordingMediaUrl(leg.id(), recordingId),
                1,
                length,
                record.fileFormat() == null ? FileFormat.WAV : record.fileFormat(),
                started,
                call.now(),
                null);
    }

    /** A recording event's startTime is the recording's: the payload has one field for both. */
    private static CallDetails recordingDetails(CallLeg leg, Instant at, Recording recording) {
        return leg.details(at)
                .times(recording.startTime(), leg.answerTime, null)
                .build();
    }

    private static Recording withStatus(Recording recording, RecordingStatus status) {
        return new Recording(recording.recordingId(), null, null, null, null, null, null, status);
    }
}
