package io.switchboard.domain.common;

/** Shared checks for the identifiers Bandwidth hands us. */
public final class Identifiers {
    /**
     * Hard upper bound on any identifier; the HTTP edge may enforce a tighter, configurable one. An entity's id with
     * its type's name in front ({@code Conference|...}) must fit the journal's 255-character key.
     */
    public static final int MAX_LENGTH = 240;

    /** Separates an entity's type from its id in the key it is journaled under; an id must not contain it. */
    public static final char KEY_SEPARATOR = '|';

    private Identifiers() {}

    /**
     * Returns {@code value} if it is a usable identifier: present, not blank, at most {@link #MAX_LENGTH}
     * characters, free of control characters (they would corrupt logs and keys) and of {@link #KEY_SEPARATOR}.
     */
    public static String requireValid(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required and must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    field + " must be at most " + MAX_LENGTH + " characters, was " + value.length());
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " must not contain control characters");
        }
        if (value.indexOf(KEY_SEPARATOR) >= 0) {
            throw new IllegalArgumentException(field + " must not contain '" + KEY_SEPARATOR + "'");
        }
        return value;
    }
}
