package io.switchboard.adapters.http.json;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.Identifiers;
import io.switchboard.domain.common.WireValue;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds domain values from payload fields. The domain rejects bad values with an
 * {@link IllegalArgumentException} whose message starts with the field it rejects; here that becomes an
 * {@link InvalidPayloadException} naming the JSON field.
 */
final class DomainValues {
    /** The field a domain message starts with: {@code digit must be...}, {@code mediaStream.id is required...}. */
    private static final Pattern LEADING_FIELD =
            Pattern.compile("^([A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)*) ");

    private DomainValues() {}

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

    /** Runs {@code construct}; a value the domain rejects becomes a fault naming the field its message starts with. */
    static <T> T domainValue(Supplier<T> construct) {
        try {
            return construct.get();
        } catch (IllegalArgumentException rejected) {
            String message = String.valueOf(rejected.getMessage());
            Matcher field = LEADING_FIELD.matcher(message);
            throw new InvalidPayloadException(field.find() ? field.group(1) : null, null, message);
        }
    }

    /** {@code value}, which the event cannot do without. */
    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidPayloadException(field, null, field + " is required");
        }
        return value;
    }

    /**
     * A usable identifier of at most {@code maxLength} characters, checked under the JSON field's own name, so a
     * bad transferCallId is not reported as "callId".
     */
    static String identifier(String field, String value, int maxLength) {
        domainValue(() -> Identifiers.requireValid(field, value), field);
        if (value.length() > maxLength) {
            throw new InvalidPayloadException(
                    field, null, field + " must be at most " + maxLength + " characters, was " + value.length());
        }
        return value;
    }

    static CallId requiredCallId(String field, String value, int maxLength) {
        return CallId.of(shared(identifier(field, value, maxLength)));
    }

    /** Absent when not sent or blank: Bandwidth leaves B-leg fields out (or empty) on A-leg events. */
    static CallId optionalCallId(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : requiredCallId(field, value, maxLength);
    }

    static ConferenceId requiredConferenceId(String field, String value, int maxLength) {
        return ConferenceId.of(shared(identifier(field, value, maxLength)));
    }

    /**
     * The texts seen lately. 65,536 slots (256 KB of references): a call's next event finds its id and URL still
     * there unless tens of thousands of other texts came between, and a value that repeats across calls (the
     * account, the application, the dialled number) keeps its slot.
     */
    private static final RecentValues<String> TEXTS = RecentValues.texts(1 << 16);

    /**
     * One copy of a value that repeats: on every event of a call or conference (its id, its URL, the caller) or on
     * every call of an application (its account, application and dialled number). An entity remembers its recent
     * events, and an ended call's stay for its retention, so without this each holds a copy of its own of each.
     */
    static String shared(String value) {
        return value == null ? null : TEXTS.of(value);
    }

    /** The constant spelled {@code value} on the wire, or {@code null} when the field was not sent. */
    static <E extends Enum<E> & WireValue> E wireValue(Class<E> type, String field, String value) {
        return value == null ? null : domainValue(() -> WireValue.parse(type, field, value), field);
    }
}
