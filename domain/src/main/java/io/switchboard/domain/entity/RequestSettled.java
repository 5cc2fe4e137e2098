package io.switchboard.domain.entity;

import io.switchboard.domain.control.RequestOutcome;
import java.util.Objects;

/**
 * A call-control request an entity issued has its outcome: the message its shell gets when the request's stage
 * completes, and, in journal mode, the event it stores so a recovered timeline shows the outcome too.
 */
public record RequestSettled(String requestId, RequestOutcome outcome) implements VoiceEntity.Command {
    public RequestSettled {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
