package io.switchboard.domain.common;

/** Shared checks for the identifiers Bandwidth hands us. */
public final class Identifiers {
    /** Hard upper bound on any identifier; the HTTP edge may enforce a tighter, configurable one. */
    public static final int MAX_LENGTH = 256;

    private Identifiers() {}

    /**
     * Returns {@code value} if it is a usable identifier: present, not blank, at most {@link #MAX_LENGTH}
     * characters and free of control characters (they would corrupt logs and keys).
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
        return value;
    }
}
