package io.switchboard.domain.control;

import io.switchboard.domain.common.FileFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A recording's metadata, of a call or of a conference. Absent values are {@code null}.
 *
 * @param ownerId             the call id, or the conference id, it belongs to
 * @param status              {@code processing}, {@code partial}, {@code complete}, {@code deleted}, {@code error}
 * @param mediaUrl            where its media can be downloaded, once it is finished
 * @param transcriptionStatus the status of its transcription, when one was asked for
 */
public record RecordingInfo(
        String recordingId,
        String ownerId,
        Duration duration,
        Integer channels,
        FileFormat fileFormat,
        String status,
        Instant startTime,
        Instant endTime,
        String mediaUrl,
        String transcriptionStatus) {
    public RecordingInfo {
        Objects.requireNonNull(recordingId, "recordingId");
    }
}
