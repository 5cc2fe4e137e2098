package io.switchboard.domain.common;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enumeration whose constants Bandwidth spells in its own way on the wire. */
public interface WireValue {
    String wireName();

    /**
     * The constant of {@code type} spelled {@code wireName} on the wire.
     *
     * @throws IllegalArgumentException naming the field, what was given and what is allowed
     */
    static <E extends Enum<E> & WireValue> E parse(Class<E> type, String field, String wireName) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equals(wireName)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(field + " must be one of " + allowed(type) + ", was '" + wireName + "'");
    }

    /** The wire names of {@code type}, comma separated, for error messages. */
    static <E extends Enum<E> & WireValue> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireValue::wireName).collect(Collectors.joining(", "));
    }
}
