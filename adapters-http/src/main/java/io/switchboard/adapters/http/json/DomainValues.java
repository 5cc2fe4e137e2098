package io.switchboard.adapters.http.json;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.Identifiers;
import io.switchboard.domain.common.WireValue;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Builds domain values from payload fields. The domain rejects bad values with an
 * {@link IllegalArgumentException} whose message starts with the field it rejects; here that becomes an
 * {@link InvalidPayloadException} naming the JSON field.
 */
final class DomainValues {

    private DomainValues() {
    }

    /**
     * Runs {@code construct}; if the domain rejects a value, the fault names whichever of {@code fields} its
     * message is about (the first one when it names none of them).
     */
    static <T> T domainValue(Supplier<T> construct, String... fields) {
        try {
            return construct.get();
        } catch (IllegalArgumentException rejected) {
            String message = rejected.getMessage();
            String field = Arrays.stream(fields)
                    .filter(candidate -> message != null && message.startsWith(candidate + " "))
                    .findFirst()
                    .orElse(fields[0]);
            throw new InvalidPayloadException(field, null, message);
        }
    }

    static CallId requiredCallId(String field, String value) {
        // Checked under the JSON field's own name, so a bad transferCallId is not reported as "callId".
        return domainValue(() -> CallId.of(Identifiers.requireValid(field, value)), field);
    }

    /** Absent when not sent or blank: Bandwidth leaves B-leg fields out (or empty) on A-leg events. */
    static CallId optionalCallId(String field, String value) {
        return value == null || value.isBlank() ? null : requiredCallId(field, value);
    }

    static ConferenceId requiredConferenceId(String field, String value) {
        return domainValue(() -> ConferenceId.of(Identifiers.requireValid(field, value)), field);
    }

    /** The constant spelled {@code value} on the wire, or {@code null} when the field was not sent. */
    static <E extends Enum<E> & WireValue> E wireValue(Class<E> type, String field, String value) {
        return value == null ? null : domainValue(() -> WireValue.parse(type, field, value), field);
    }
}
