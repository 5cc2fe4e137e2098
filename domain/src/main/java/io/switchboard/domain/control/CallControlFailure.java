package io.switchboard.domain.control;

import java.util.Objects;

/**
 * A call-control request that did not succeed, classified so a flow or an operator can decide what to do; when
 * Bandwidth answered, with the {@code type}, {@code description} and {@code id} of its error document.
 */
public final class CallControlFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** {@code 400}: Bandwidth refused a value. */
        INVALID_REQUEST,
        /** {@code 401}: wrong API credentials. */
        UNAUTHORIZED,
        /** {@code 403}: the credentials may not do this. */
        FORBIDDEN,
        /** {@code 404}: no such call, conference, member or recording (or not any more). */
        NOT_FOUND,
        /** {@code 409}: the call or conference is not active. */
        CONFLICT,
        /** {@code 429}: too many requests, still after the retries. */
        RATE_LIMITED,
        /** {@code 5xx}: Bandwidth failed, still after the retries. */
        SERVER_ERROR,
        /** Any other status Bandwidth answered with. */
        UNEXPECTED_STATUS,
        /** The request could not be delivered (connection refused or lost before it was sent), after the retries. */
        UNREACHABLE,
        /**
         * The request was sent but no answer came in time: it may have been carried out. A create in this state is
         * never retried blindly (it could dial twice); the caller decides.
         */
        OUTCOME_UNKNOWN,
        /** The adapter's queue of calls waiting to be placed is full; nothing was sent. */
        QUEUE_FULL,
        /** No call control is configured in this service; nothing was sent. */
        NOT_CONFIGURED
    }

    private final Kind kind;
    private final String operation;
    private final int status;
    private final String errorType;
    private final String errorDescription;
    private final String errorId;

    /**
     * @param status           the HTTP status Bandwidth answered with; 0 when it did not answer
     * @param errorType        its error document's {@code type}, or {@code null}
     * @param errorDescription its {@code description}, or what happened when Bandwidth did not answer
     * @param errorId          its {@code id}, or {@code null}
     */
    public CallControlFailure(
            Kind kind, String operation, int status, String errorType, String errorDescription, String errorId) {
        super(message(kind, operation, status, errorType, errorDescription, errorId));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.status = status;
        this.errorType = errorType;
        this.errorDescription = errorDescription;
        this.errorId = errorId;
    }

    /** A failure without an answer from Bandwidth. */
    public static CallControlFailure withoutAnswer(Kind kind, String operation, String what) {
        return new CallControlFailure(kind, operation, 0, null, what, null);
    }

    public Kind kind() {
        return kind;
    }

    public String operation() {
        return operation;
    }

    public int status() {
        return status;
    }

    public String errorType() {
        return errorType;
    }

    public String errorDescription() {
        return errorDescription;
    }

    public String errorId() {
        return errorId;
    }

    private static String message(
            Kind kind, String operation, int status, String errorType, String description, String errorId) {
        StringBuilder message = new StringBuilder(operation).append(" failed: ").append(kind);
        if (status != 0) {
            message.append(" (HTTP ").append(status).append(')');
        }
        if (errorType != null) {
            message.append(" ").append(errorType);
        }
        if (description != null) {
            message.append(": ").append(description);
        }
        if (errorId != null) {
            message.append(" [id ").append(errorId).append(']');
        }
        return message.toString();
    }
}
