package io.switchboard.domain.call;

import io.switchboard.domain.common.FileFormat;
import java.time.Duration;
import java.time.Instant;

/**
 * A recording of a call, as recording and transcription events describe it. Every field but the id may be
 * absent ({@code null}).
 *
 * @param channels  1 or 2
 * @param status    the contract's {@code recording} event carries it; the live {@code recordComplete} does not
 */
public record Recording(
        String recordingId,
        String mediaUrl,
        Integer channels,
        Duration duration,
        FileFormat fileFormat,
        Instant startTime,
        Instant endTime,
        RecordingStatus status) {

    public Recording {
        if (recordingId == null || recordingId.isBlank()) {
            throw new IllegalArgumentException("recordingId is required");
        }
        if (channels != null && (channels < 1 || channels > 2)) {
            throw new IllegalArgumentException("channels must be 1 or 2, was " + channels);
        }
    }

    public static Recording withId(String recordingId) {
        return new Recording(recordingId, null, null, null, null, null, null, null);
    }
}
