package io.switchboard.adapters.http.json;

import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.call.MediaStream;
import io.switchboard.domain.call.MediaStreamChange;
import io.switchboard.domain.call.MediaStreamChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A media stream event's own fields. A rejected stream never started, and Bandwidth's example of it carries no
 * id: its name (which Bandwidth defaults to the id) stands in. The example also says {@code reason} where the
 * field table says {@code cause}; either is read.
 */
record MediaStreamFields(Stream mediaStream, String cause, String reason, String errorMessage) {

    record Stream(
            String id, String name, String destination, List<String> tracks, Instant startTime, Duration duration) {}

    MediaStreamChanged toDomain(CallDetails call, MediaStreamChange change) {
        Stream stream = DomainValues.required("mediaStream", mediaStream);
        String id = stream.id() != null ? stream.id() : DomainValues.required("mediaStream.id", stream.name());
        return new MediaStreamChanged(
                call,
                change,
                new MediaStream(
                        id,
                        stream.name(),
                        stream.destination(),
                        stream.tracks(),
                        stream.startTime(),
                        stream.duration()),
                cause != null ? cause : reason,
                errorMessage);
    }
}
