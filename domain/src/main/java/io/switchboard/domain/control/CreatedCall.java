package io.switchboard.domain.control;

import io.switchboard.domain.common.CallId;
import java.time.Instant;
import java.util.Objects;

/**
 * A call Bandwidth accepted into the account's queue.
 *
 * @param callUrl      where the call can be read and updated
 * @param enqueuedTime when it was queued; {@code null} when Bandwidth did not say
 */
public record CreatedCall(CallId callId, String callUrl, Instant enqueuedTime) {
    public CreatedCall {
        Objects.requireNonNull(callId, "callId");
    }
}
