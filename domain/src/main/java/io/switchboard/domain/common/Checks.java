package io.switchboard.domain.common;

import java.util.Map;

/** Argument checks shared by the event records; every failure names the field. */
public final class Checks {
    /** The longest event type an unrecognized event may carry; Bandwidth's own are under 30 characters. */
    public static final int MAX_EVENT_TYPE_LENGTH = 64;

    private Checks() {}

    /** {@code value}, if present and not blank. */
    public static String requireNonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required and must not be blank");
        }
        return value;
    }

    /** {@code value}, if absent or not blank. */
    public static String requireNonBlankIfPresent(String field, String value) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank when present");
        }
        return value;
    }

    /**
     * An event type as sent: present, not blank, at most {@link #MAX_EVENT_TYPE_LENGTH} characters, free of
     * control characters (it is logged and kept in state).
     */
    public static String requireEventType(String field, String value) {
        requireNonBlank(field, value);
        if (value.length() > MAX_EVENT_TYPE_LENGTH) {
            throw new IllegalArgumentException(
                    field + " must be at most " + MAX_EVENT_TYPE_LENGTH + " characters, was " + value.length());
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " must not contain control characters");
        }
        return value;
    }

    /**
     * An immutable copy of a map of payload fields kept as text: {@code null} is the empty map (shared, no
     * allocation); names must not be blank, values must be present (a JSON {@code null} is the text "null").
     */
    public static Map<String, String> copyOfTextFields(String field, Map<String, String> fields) {
        if (fields == null || fields.isEmpty()) {
            return Map.of();
        }
        for (Map.Entry<String, String> entry : fields.entrySet()) {
            if (entry.getKey() == null || entry.getKey().isBlank()) {
                throw new IllegalArgumentException(field + " must not have a blank field name");
            }
            if (entry.getValue() == null) {
                throw new IllegalArgumentException(field + "['" + entry.getKey() + "'] must not be null");
            }
        }
        return Map.copyOf(fields);
    }
}
