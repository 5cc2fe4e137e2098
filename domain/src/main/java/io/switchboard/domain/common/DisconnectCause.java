package io.switchboard.domain.common;

/**
 * Why a call or a transfer leg ended. Bandwidth says its list of causes is not exhaustive, so this is an open
 * set: the known causes are constants, any other non-blank value is kept as sent.
 */
public record DisconnectCause(String value) {
    public static final DisconnectCause HANGUP = new DisconnectCause("hangup");
    public static final DisconnectCause BUSY = new DisconnectCause("busy");
    public static final DisconnectCause TIMEOUT = new DisconnectCause("timeout");
    public static final DisconnectCause CANCEL = new DisconnectCause("cancel");
    public static final DisconnectCause REJECTED = new DisconnectCause("rejected");
    public static final DisconnectCause CALLBACK_ERROR = new DisconnectCause("callback-error");
    public static final DisconnectCause INVALID_BXML = new DisconnectCause("invalid-bxml");
    public static final DisconnectCause APPLICATION_ERROR = new DisconnectCause("application-error");
    public static final DisconnectCause ACCOUNT_LIMIT = new DisconnectCause("account-limit");
    public static final DisconnectCause NODE_CAPACITY_EXCEEDED = new DisconnectCause("node-capacity-exceeded");
    public static final DisconnectCause ERROR = new DisconnectCause("error");
    public static final DisconnectCause UNKNOWN = new DisconnectCause("unknown");

    public DisconnectCause {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("cause must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
