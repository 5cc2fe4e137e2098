package io.switchboard.adapters.http.json;

import static io.switchboard.adapters.http.json.DomainValues.domainValue;
import static io.switchboard.adapters.http.json.DomainValues.wireValue;

import io.switchboard.domain.call.Recording;
import io.switchboard.domain.call.RecordingStatus;
import io.switchboard.domain.common.FileFormat;
import java.time.Duration;
import java.time.Instant;

/**
 * The recording described by recording and transcription events. {@code status} is sent by the contract's
 * {@code recording} event only; the live {@code recordComplete} leaves it out.
 */
record RecordingFields(
        String recordingId,
        String mediaUrl,
        Integer channels,
        Duration duration,
        String fileFormat,
        Instant startTime,
        Instant endTime,
        String status) {

    Recording toDomain(int maxIdLength) {
        DomainValues.identifier("recordingId", recordingId, maxIdLength);
        FileFormat format = wireValue(FileFormat.class, "fileFormat", fileFormat);
        RecordingStatus recordingStatus = wireValue(RecordingStatus.class, "status", status);
        return domainValue(
                () -> new Recording(
                        recordingId, mediaUrl, channels, duration, format, startTime, endTime, recordingStatus),
                "recordingId",
                "channels");
    }

    /** The recording, or {@code null} when the event names none (a transcription may come without it). */
    Recording toDomainIfIdentified(int maxIdLength) {
        return recordingId == null ? null : toDomain(maxIdLength);
    }
}
