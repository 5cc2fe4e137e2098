package io.switchboard.domain.control;

import java.time.Instant;
import java.util.Objects;

/**
 * How an issued call-control request ended.
 *
 * @param detail what Bandwidth answered: the created call's id, a failure's kind and description
 */
public record RequestOutcome(Status status, String detail, Instant at) {

    public enum Status {
        /** Bandwidth carried it out. */
        SUCCEEDED,
        /** Bandwidth refused it, or it could not be delivered: it was not carried out. */
        FAILED,
        /**
         * It may or may not have been carried out: sent without an answer, or on its way when the entity stopped.
         * It is not sent again.
         */
        UNKNOWN
    }

    public RequestOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }

    /** The outcome of a request whose stage completed with {@code result}, or failed with {@code failure}. */
    public static RequestOutcome of(Object result, Throwable failure, Instant at) {
        if (failure == null) {
            return new RequestOutcome(
                    Status.SUCCEEDED,
                    result instanceof CreatedCall created ? created.callId().value() : null,
                    at);
        }
        if (failure instanceof CallControlFailure known) {
            return new RequestOutcome(
                    known.kind() == CallControlFailure.Kind.OUTCOME_UNKNOWN ? Status.UNKNOWN : Status.FAILED,
                    known.getMessage(),
                    at);
        }
        return new RequestOutcome(Status.FAILED, String.valueOf(failure.getMessage()), at);
    }

    /** A request still on its way when the entity stopped: the entity that starts again does not send it. */
    public static RequestOutcome interrupted(Instant at) {
        return new RequestOutcome(
                Status.UNKNOWN, "the entity stopped before the outcome was known; it is not sent again", at);
    }
}
