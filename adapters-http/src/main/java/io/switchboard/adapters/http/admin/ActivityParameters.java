package io.switchboard.adapters.http.admin;

import io.switchboard.application.port.in.ActivityFilter;
import io.switchboard.application.port.in.HandledEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;

/** Reads the query parameters of {@code GET /admin/calls} and {@code /admin/conferences} into a filter. */
final class ActivityParameters {
    static final int DEFAULT_LIMIT = 50;

    /** A parameter that cannot be what it names. */
    static final class InvalidParameter extends IllegalArgumentException {
        final String field;

        InvalidParameter(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    private ActivityParameters() {}

    static ActivityFilter filter(HandledEvent.EntityKind kind, Map<String, String> query) {
        ActivityFilter filter;
        try {
            filter = new ActivityFilter(
                    kind,
                    text(query, "status"),
                    text(query, "number"),
                    text(query, "tag"),
                    value(query, "fallback", ActivityParameters::bool),
                    value(query, "since", Instant::parse),
                    value(query, "until", Instant::parse),
                    text(query, "id"),
                    value(query, "offset", Integer::parseInt, 0),
                    value(query, "limit", Integer::parseInt, DEFAULT_LIMIT));
        } catch (InvalidParameter invalid) {
            throw invalid;
        } catch (IllegalArgumentException invalid) {
            // The filter's own checks: the message names the parameter first.
            String field = invalid.getMessage().split(" ", 2)[0];
            throw new InvalidParameter(field, invalid.getMessage());
        }
        return filter;
    }

    private static String text(Map<String, String> query, String name) {
        String value = query.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <T> T value(Map<String, String> query, String name, Function<String, T> parse) {
        return value(query, name, parse, null);
    }

    private static <T> T value(Map<String, String> query, String name, Function<String, T> parse, T absent) {
        String raw = text(query, name);
        if (raw == null) {
            return absent;
        }
        try {
            return parse.apply(raw);
        } catch (IllegalArgumentException | DateTimeParseException invalid) {
            throw new InvalidParameter(name, name + " cannot be '" + raw + "': " + invalid.getMessage());
        }
    }

    private static Boolean bool(String raw) {
        return switch (raw) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("true or false");
        };
    }
}
