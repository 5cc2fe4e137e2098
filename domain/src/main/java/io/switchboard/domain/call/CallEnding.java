package io.switchboard.domain.call;

import io.switchboard.domain.common.DisconnectCause;
import java.time.Instant;

/** How a call or a transfer leg ended. Only {@code cause} is always present. */
public record CallEnding(Instant endTime, DisconnectCause cause, String errorMessage, String errorId) {
    public CallEnding {
        if (cause == null) {
            cause = DisconnectCause.UNKNOWN;
        }
    }

    public static CallEnding of(DisconnectCause cause) {
        return new CallEnding(null, cause, null, null);
    }
}
