package io.switchboard.testkit.simulator;

import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.verb.Response;
import java.util.List;
import java.util.Objects;

/**
 * A call as it was once answered: each event Bandwidth posted, in order, with the reply it got then. What the
 * console exports and {@link Replay} plays again.
 *
 * @param callId the id the events carry now (a replay gives them a fresh one, so the service sees a new call)
 */
public record RecordedCall(String callId, List<Exchange> exchanges) {
    public RecordedCall {
        Objects.requireNonNull(callId, "callId");
        exchanges = List.copyOf(exchanges);
        if (exchanges.isEmpty()) {
            throw new IllegalArgumentException("a recorded call has at least one event");
        }
    }

    /**
     * One event and its recorded reply.
     *
     * @param reply  the BXML it got; {@code null} for an empty 200
     * @param origin where that reply came from (FLOW, or a fallback's cause)
     */
    public record Exchange(VoiceEvent event, Response reply, String origin) {
        public Exchange {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(origin, "origin");
        }
    }
}
