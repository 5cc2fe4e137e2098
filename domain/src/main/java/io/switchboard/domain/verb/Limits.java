package io.switchboard.domain.verb;

import io.switchboard.domain.common.ShownValue;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** The checks every verb record runs in its constructor; each failure names verb, attribute, value and rule. */
final class Limits {
    /** Bandwidth's limit on a {@code tag} attribute and the {@code <Tag>} verb. */
    static final int TAG_LENGTH = 256;
    /** Bandwidth's limit on each basic-auth credential. */
    static final int CREDENTIAL_LENGTH = 1024;
    /** Bandwidth's limit on a {@code uui} value, encoding parameter included. */
    static final int UUI_LENGTH = 256;
    /** Bandwidth's limit on a Transfer's {@code transferCallerDisplayName}. */
    static final int DISPLAY_NAME_LENGTH = 256;
    /** Bandwidth's limits on a StreamParam's or CustomParam's name and value. */
    static final int PARAM_NAME_LENGTH = 256;

    static final int PARAM_VALUE_LENGTH = 2048;

    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    /** Caller ids Bandwidth accepts besides an E.164 number. */
    static final List<String> PRIVATE_CALLER_IDS = List.of("Restricted", "Anonymous", "Private", "Unavailable");
    /** DTMF digits a gather or a recording may end on. */
    static final Pattern TERMINATING_DIGITS = Pattern.compile("[0-9*#]*");

    private Limits() {}

    static InvalidVerbException invalid(String verb, String attribute, Object value, String allowed) {
        return new InvalidVerbException(verb, attribute, ShownValue.of(value), allowed);
    }

    static String required(String verb, String attribute, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(verb, attribute, value == null ? null : value, "is required and must not be blank");
        }
        return value;
    }

    static <T> T required(String verb, String attribute, T value) {
        if (value == null) {
            throw invalid(verb, attribute, null, "is required");
        }
        return value;
    }

    /** A value that may be absent, but not blank when present. */
    static String notBlank(String verb, String attribute, String value) {
        if (value != null && value.isBlank()) {
            throw invalid(verb, attribute, value, "must not be blank when given");
        }
        return value;
    }

    static Double between(String verb, String attribute, Double value, double min, double max, String unit) {
        if (value != null && !(value >= min && value <= max)) {
            throw invalid(
                    verb,
                    attribute,
                    value,
                    "must be between " + ShownValue.of(min) + " and " + ShownValue.of(max) + unit);
        }
        return value;
    }

    static Integer between(String verb, String attribute, Integer value, int min, int max, String unit) {
        if (value != null && (value < min || value > max)) {
            throw invalid(verb, attribute, value, "must be between " + min + " and " + max + unit);
        }
        return value;
    }

    static Integer atLeast(String verb, String attribute, Integer value, int min, String unit) {
        if (value != null && value < min) {
            throw invalid(verb, attribute, value, "must be at least " + min + unit);
        }
        return value;
    }

    static String maxLength(String verb, String attribute, String value, int max) {
        if (value != null && value.length() > max) {
            throw invalid(verb, attribute, value, "must be at most " + max + " characters");
        }
        return value;
    }

    static String tag(String verb, String tag) {
        return maxLength(verb, "tag", tag, TAG_LENGTH);
    }

    static String uui(String verb, String uui) {
        return maxLength(verb, "uui", notBlank(verb, "uui", uui), UUI_LENGTH);
    }

    static String credential(String verb, String attribute, String value) {
        return maxLength(verb, attribute, value, CREDENTIAL_LENGTH);
    }

    static String matches(String verb, String attribute, String value, Pattern pattern, String allowed) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw invalid(verb, attribute, value, "must be " + allowed);
        }
        return value;
    }

    static String terminatingDigits(String verb, String value) {
        return matches(verb, "terminatingDigits", value, TERMINATING_DIGITS, "made of the digits 0-9, * and #");
    }

    /** An E.164 number or one of Bandwidth's private caller ids. */
    static String callerId(String verb, String attribute, String value) {
        if (value != null && !E164.matcher(value).matches() && !PRIVATE_CALLER_IDS.contains(value)) {
            throw invalid(
                    verb,
                    attribute,
                    value,
                    "must be an E.164 number such as +15555550100 or one of " + String.join(", ", PRIVATE_CALLER_IDS));
        }
        return value;
    }

    /** A URL that may be absent: not blank and without whitespace (which no URL may contain unescaped). */
    static String url(String verb, String attribute, String value) {
        notBlank(verb, attribute, value);
        if (value != null && value.chars().anyMatch(Character::isWhitespace)) {
            throw invalid(verb, attribute, value, "must be a URL without whitespace");
        }
        return value;
    }

    /** An immutable copy of {@code values} (none when absent), refusing a missing element by name. */
    static <T> List<T> elements(String verb, String attribute, Collection<T> values) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            throw invalid(verb, attribute, null, "must not hold a null element");
        }
        return List.copyOf(values);
    }

    static <T> List<T> atMost(String verb, String attribute, Collection<T> values, int max) {
        List<T> copy = elements(verb, attribute, values);
        if (copy.size() > max) {
            throw invalid(verb, attribute, copy.size(), "must be at most " + max);
        }
        return copy;
    }

    /**
     * The URLs of a verb's callback, named as the verb spells them ({@code gatherUrl}, {@code gatherFallbackUrl}):
     * checked here rather than in {@link Callback}, which cannot know which verb and prefix it belongs to.
     */
    static Callback callback(String verb, String prefix, Callback callback) {
        if (callback != null) {
            url(verb, prefix + "Url", callback.url());
            url(verb, prefix + "FallbackUrl", callback.fallbackUrl());
        }
        return callback;
    }

    static PlainCallback callback(String verb, String prefix, PlainCallback callback) {
        if (callback != null) {
            url(verb, prefix + "Url", callback.url());
        }
        return callback;
    }

    /** Each part of a verb's {@link Credentials}, named as the verb's attribute. */
    static Credentials credentials(String verb, Credentials credentials) {
        if (credentials != null) {
            credential(verb, "username", credentials.username());
            credential(verb, "password", credentials.password());
            credential(verb, "fallbackUsername", credentials.fallbackUsername());
            credential(verb, "fallbackPassword", credentials.fallbackPassword());
        }
        return credentials;
    }

    /** What a Transfer target ({@code <PhoneNumber>} or {@code <SipUri>}) carries besides its address. */
    static void transferTarget(
            String element,
            Callback transferAnswer,
            PlainCallback transferDisconnect,
            Credentials credentials,
            String tag,
            String uui) {
        callback(element, "transferAnswer", transferAnswer);
        callback(element, "transferDisconnect", transferDisconnect);
        credentials(element, credentials);
        tag(element, tag);
        uui(element, uui);
    }

    /** A {@code <StreamParam>} or {@code <CustomParam>}: a required name and value, each bounded. */
    static void parameter(String element, String name, String value) {
        maxLength(element, "name", required(element, "name", name), PARAM_NAME_LENGTH);
        maxLength(element, "value", required(element, "value", value), PARAM_VALUE_LENGTH);
    }
}
