package io.switchboard.domain.call;

import io.switchboard.domain.common.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A stream of the call's audio to a WebSocket, started by {@code <StartStream>}. Only the id is always present.
 *
 * @param name        the name given in {@code <StartStream>} (used by {@code <StopStream>})
 * @param destination the WebSocket URI, kept as sent
 * @param tracks      {@code inbound} / {@code outbound}, as sent; empty when not sent
 * @param duration    on {@code mediaStreamStopped}: how long it streamed
 */
public record MediaStream(
        String id, String name, String destination, List<String> tracks, Instant startTime, Duration duration) {
    public MediaStream {
        Checks.requireNonBlank("mediaStream.id", id);
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }

    public static MediaStream withId(String id) {
        return new MediaStream(id, null, null, List.of(), null, null);
    }
}
