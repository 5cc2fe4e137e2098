package io.switchboard.domain.control;

import io.switchboard.domain.common.ShownValue;
import io.switchboard.domain.verb.Callback;
import io.switchboard.domain.verb.Credentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;

/** The checks the request records run in their constructors; each failure names request, field and value. */
final class RequestChecks {
    /** Bandwidth's limit on every callback URL of the Voice API. */
    static final int URL_LENGTH = 2048;
    /** Bandwidth's limit on each basic-auth credential. */
    static final int CREDENTIAL_LENGTH = 1024;
    /** Bandwidth's limit on a call's {@code tag} through the API (BXML's is 256). */
    static final int TAG_LENGTH = 4096;

    static final int DISPLAY_NAME_LENGTH = 256;
    /** The whole {@code uui} value, parameters and separators included. */
    static final int UUI_LENGTH = 350;

    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    /** What {@code displayName} may be when {@code privacy} is on. */
    static final List<String> PRIVATE_NAMES = List.of("Restricted", "Anonymous", "Private", "Unavailable");

    private RequestChecks() {}

    static InvalidRequestException invalid(String request, String field, Object value, String allowed) {
        return new InvalidRequestException(request, field, ShownValue.of(value), allowed);
    }

    static <T> T required(String request, String field, T value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw invalid(request, field, value, "is required and must not be blank");
        }
        return value;
    }

    static String maxLength(String request, String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw invalid(request, field, value, "must be at most " + max + " characters");
        }
        return value;
    }

    static String noControlCharacters(String request, String field, String value) {
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw invalid(request, field, value, "must not contain control characters");
        }
        return value;
    }

    static Double between(String request, String field, Double value, double min, double max) {
        if (value != null && !(value >= min && value <= max)) {
            throw invalid(
                    request,
                    field,
                    value,
                    "must be between " + ShownValue.of(min) + " and " + ShownValue.of(max) + " seconds");
        }
        return value;
    }

    static Double positiveSeconds(String request, String field, Double value) {
        if (value != null && !(value > 0 && !value.isInfinite())) {
            throw invalid(request, field, value, "must be a positive number of seconds");
        }
        return value;
    }

    /** An absolute http or https URL of at most {@link #URL_LENGTH} characters, without whitespace. */
    static String url(String request, String field, String value) {
        if (value == null) {
            return null;
        }
        maxLength(request, field, value, URL_LENGTH);
        if (!isWebUrl(value)) {
            throw invalid(request, field, value, "must be an absolute http or https URL with a host");
        }
        return value;
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException notUri) {
            return false;
        }
    }

    /** A callback's URLs, named {@code <prefix>Url} and {@code <prefix>FallbackUrl} as the request spells them. */
    static Callback callback(String request, String prefix, Callback callback) {
        if (callback != null) {
            url(request, prefix + "Url", callback.url());
            url(request, prefix + "FallbackUrl", callback.fallbackUrl());
        }
        return callback;
    }

    /** Each part of a request's {@link Credentials}, named with {@code prefix} ({@code machineDetection.}). */
    static Credentials credentials(String request, String prefix, Credentials credentials) {
        if (credentials != null) {
            maxLength(request, prefix + "username", credentials.username(), CREDENTIAL_LENGTH);
            maxLength(request, prefix + "password", credentials.password(), CREDENTIAL_LENGTH);
            maxLength(request, prefix + "fallbackUsername", credentials.fallbackUsername(), CREDENTIAL_LENGTH);
            maxLength(request, prefix + "fallbackPassword", credentials.fallbackPassword(), CREDENTIAL_LENGTH);
        }
        return credentials;
    }

    static String tag(String request, String tag) {
        return maxLength(request, "tag", tag, TAG_LENGTH);
    }

    /** An E.164 number or a {@code sip:} URI: where Bandwidth can place a call. */
    static String destination(String request, String field, String value) {
        required(request, field, value);
        boolean sip = value.startsWith("sip:")
                && value.length() > 4
                && value.chars().noneMatch(Character::isWhitespace)
                && value.length() <= URL_LENGTH;
        if (!sip && !E164.matcher(value).matches()) {
            throw invalid(request, field, value, "must be an E.164 number such as +15555550100 or a sip: URI");
        }
        return value;
    }

    static String e164(String request, String field, String value) {
        required(request, field, value);
        if (!E164.matcher(value).matches()) {
            throw invalid(request, field, value, "must be an E.164 number such as +15555550100");
        }
        return value;
    }
}
