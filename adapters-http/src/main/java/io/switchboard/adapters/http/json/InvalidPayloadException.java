package io.switchboard.adapters.http.json;

import java.util.Optional;

/**
 * A webhook body the service cannot accept: not JSON, a required field missing, or a value of the wrong form.
 * It is the sender's fault, so it becomes a 400, never a 500.
 */
public final class InvalidPayloadException extends RuntimeException {
    private final String field;
    private final String channel;

    /**
     * @param field   the JSON field at fault, as a dotted path ({@code transcription.completedTime}); {@code null}
     *                when the body as a whole is at fault
     * @param channel the channel the body was decoded for; {@code null} when not yet known
     */
    InvalidPayloadException(String field, String channel, String detail) {
        super(detail, null, false, false);
        this.field = field;
        this.channel = channel;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public Optional<String> channel() {
        return Optional.ofNullable(channel);
    }

    public String detail() {
        return getMessage();
    }

    /** The same fault, tied to {@code channelName} unless a channel was named already. */
    InvalidPayloadException onChannel(String channelName) {
        return channel != null ? this : new InvalidPayloadException(field, channelName, getMessage());
    }
}
