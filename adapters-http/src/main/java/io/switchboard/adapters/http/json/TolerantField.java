package io.switchboard.adapters.http.json;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A field beyond the contract, read when well-formed and otherwise kept as sent (see
 * {@link io.switchboard.domain.call.CallDetails#unparsedFields()}): Bandwidth's own examples carry zone-less
 * timestamps and booleans written as text there, and losing a real event over such a field is worse than storing
 * it raw.
 *
 * @param path  the field, dotted when nested ({@code mediaStream.startTime})
 * @param type  what it must read as: a JSON-mapped type, a {@link io.switchboard.domain.common.WireValue} enum,
 *              {@link io.switchboard.domain.common.CallId} for an identifier, or {@link List} for a list of text
 * @param valid what else a read value must satisfy to be kept
 */
record TolerantField(String path, Class<?> type, Predicate<Object> valid) {

    TolerantField {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(valid, "valid");
    }

    static TolerantField of(String path, Class<?> type) {
        return new TolerantField(path, type, value -> true);
    }

    static TolerantField integerBetween(String path, int min, int max) {
        return new TolerantField(path, Integer.class, value -> (Integer) value >= min && (Integer) value <= max);
    }

    static TolerantField nonBlankText(String path) {
        return new TolerantField(path, String.class, value -> !((String) value).isBlank());
    }

    /** The same field under {@code prefix}: {@code startTime} becomes {@code prefix.startTime}. */
    TolerantField under(String prefix) {
        return new TolerantField(prefix + "." + path, type, valid);
    }

    /** The segments of the path: {@code [mediaStream, startTime]}. */
    String[] segments() {
        return path.split("\\.");
    }
}
