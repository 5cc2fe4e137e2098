package io.switchboard.domain.control;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.Direction;
import java.time.Instant;
import java.util.Objects;

/**
 * A call as Bandwidth reports it (near real time; kept 7 days after it ended). Absent values are {@code null}.
 *
 * @param state           {@code queued}, {@code initiated}, {@code answered}, {@code disconnected}, or a state a
 *                        later Bandwidth adds
 * @param disconnectCause set once the call has ended: {@code hangup}, {@code busy}, {@code timeout}, ...
 */
public record CallInfo(
        CallId callId,
        String applicationId,
        String from,
        String to,
        Direction direction,
        String state,
        Instant enqueuedTime,
        Instant startTime,
        Instant answerTime,
        Instant endTime,
        String disconnectCause,
        String errorMessage) {
    public CallInfo {
        Objects.requireNonNull(callId, "callId");
    }

    /** Whether Bandwidth reports the call as over. */
    public boolean ended() {
        return "disconnected".equals(state) || endTime != null;
    }
}
