package io.switchboard.adapters.http.json;

import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.call.RealTimeTranscription;
import io.switchboard.domain.call.RealTimeTranscriptionChange;
import io.switchboard.domain.call.RealTimeTranscriptionChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real-time transcription event's own fields. Bandwidth's field tables nest them as
 * {@code realTimeTranscription}, several of its examples as {@code transcription}; the first present wins.
 */
record RealTimeTranscriptionFields(
        Nested realTimeTranscription, Nested transcription, String cause, String errorMessage) {

    record Nested(
            String id,
            String name,
            List<String> tracks,
            String destination,
            Boolean stabilized,
            String status,
            String url,
            Instant startTime,
            Instant completedTime,
            Duration duration) {}

    RealTimeTranscriptionChanged toDomain(CallDetails call, RealTimeTranscriptionChange change) {
        Nested sent = DomainValues.required(
                "realTimeTranscription", realTimeTranscription != null ? realTimeTranscription : transcription);
        return new RealTimeTranscriptionChanged(
                call,
                change,
                new RealTimeTranscription(
                        sent.id(),
                        sent.name(),
                        sent.tracks(),
                        sent.destination(),
                        sent.stabilized(),
                        sent.status(),
                        sent.url(),
                        sent.startTime(),
                        sent.completedTime(),
                        sent.duration()),
                cause,
                errorMessage);
    }
}
