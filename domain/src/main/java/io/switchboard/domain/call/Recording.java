package io.switchboard.domain.call;

import io.switchboard.domain.common.FileFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    /** This recording as a later event describes it: what it tells replaces what was known, the rest is kept. */
    public Recording updatedBy(Recording later) {
        if (!recordingId.equals(later.recordingId)) {
            throw new IllegalArgumentException("recording " + later.recordingId + " is not " + recordingId);
        }
        return new Recording(
                recordingId,
                orElse(later.mediaUrl, mediaUrl),
                orElse(later.channels, channels),
                orElse(later.duration, duration),
                orElse(later.fileFormat, fileFormat),
                orElse(later.startTime, startTime),
                orElse(later.endTime, endTime),
                orElse(later.status, status));
    }

    /**
     * {@code recordings} (unmodifiable) with {@code recording} added at the end, or merged into the entry with its
     * id; {@code recordings} itself when that changes nothing.
     */
    public static List<Recording> mergeInto(List<Recording> recordings, Recording recording) {
        Objects.requireNonNull(recording, "recording");
        List<Recording> next = new ArrayList<>(recordings.size() + 1);
        boolean known = false;
        for (Recording existing : recordings) {
            if (existing.recordingId.equals(recording.recordingId)) {
                Recording merged = existing.updatedBy(recording);
                if (merged.equals(existing)) {
                    return recordings;
                }
                next.add(merged);
                known = true;
            } else {
                next.add(existing);
            }
        }
        if (!known) {
            next.add(recording);
        }
        return List.copyOf(next);
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
