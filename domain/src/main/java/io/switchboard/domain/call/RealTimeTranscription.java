package io.switchboard.domain.call;

import io.switchboard.domain.common.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A transcription of the call as it happens, started by {@code <StartTranscription>}. Only the id is always
 * present.
 *
 * @param name          the name given in {@code <StartTranscription>} (used by {@code <StopTranscription>})
 * @param tracks        {@code inbound} / {@code outbound}, as sent; empty when not sent
 * @param destination   the WebSocket the transcript is streamed to, if any
 * @param stabilized    whether only stable (final) results are sent; Bandwidth's examples send it as text
 * @param status        on available: {@code available} / {@code failed}, kept as sent
 * @param url           on available: where the transcript is
 * @param completedTime on available
 * @param duration      on stopped: how long it ran
 */
public record RealTimeTranscription(
        String id,
        String name,
        List<String> tracks,
        String destination,
        Boolean stabilized,
        String status,
        String url,
        Instant startTime,
        Instant completedTime,
        Duration duration) {
    public RealTimeTranscription {
        Checks.requireNonBlank("realTimeTranscription.id", id);
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }

    public static RealTimeTranscription withId(String id) {
        return new RealTimeTranscription(id, null, List.of(), null, null, null, null, null, null, null);
    }
}
