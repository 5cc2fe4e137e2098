package io.switchboard.domain.common;

/** Bandwidth's identifier of one conference; the key of its conference entity. */
public record ConferenceId(String value) {
    public ConferenceId {
        Identifiers.requireValid("conferenceId", value);
    }

    public static ConferenceId of(String value) {
        return new ConferenceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
