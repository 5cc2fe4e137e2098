package io.switchboard.domain.common;

/** Bandwidth's identifier of one call leg; the key of its call entity. */
public record CallId(String value) {
    public CallId {
        Identifiers.requireValid("callId", value);
    }

    public static CallId of(String value) {
        return new CallId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
