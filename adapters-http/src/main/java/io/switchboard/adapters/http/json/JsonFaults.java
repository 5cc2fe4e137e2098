package io.switchboard.adapters.http.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Turns Jackson's exceptions into {@link InvalidPayloadException}s that name the JSON field at fault. */
final class JsonFaults {
    /** Echoed values are cut to this length: the detail is for a human, not a copy of the body. */
    private static final int MAX_ECHOED_VALUE_LENGTH = 64;

    private JsonFaults() {}

    static InvalidPayloadException toInvalidPayload(JacksonException fault) {
        if (fault instanceof DatabindException) {
            return fromMapping((JsonMappingException) fault);
        }
        return fromSyntax(fault);
    }

    /** The body is not (one) well-formed JSON document, or repeats a key; the parser knows where it stopped. */
    private static InvalidPayloadException fromSyntax(JacksonException fault) {
        String field = fault.getProcessor() instanceof JsonParser parser ? pathOf(parser.getParsingContext()) : null;
        return new InvalidPayloadException(field, null, "Malformed JSON: " + fault.getOriginalMessage());
    }

    private static InvalidPayloadException fromMapping(JsonMappingException fault) {
        String field = pathOf(fault.getPath());
        if (field != null && fault instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String detail = field + " must be " + describe(mismatch.getTargetType());
            if (fault instanceof InvalidFormatException invalid && invalid.getValue() != null) {
                detail += ", was '" + abbreviate(String.valueOf(invalid.getValue())) + "'";
            }
            return new InvalidPayloadException(field, null, detail);
        }
        String prefix = field == null ? "" : field + ": ";
        return new InvalidPayloadException(field, null, prefix + fault.getOriginalMessage());
    }

    /** {@code transcription.completedTime}, {@code items[2].id}; {@code null} for the body itself. */
    private static String pathOf(List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return null;
        }
        String joined = path.stream()
                .map(step -> step.getFieldName() != null ? "." + step.getFieldName() : "[" + step.getIndex() + "]")
                .collect(Collectors.joining());
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    private static String pathOf(JsonStreamContext context) {
        String pointer = context == null ? "" : context.pathAsPointer().toString();
        return pointer.isEmpty() ? null : pointer.substring(1).replace('/', '.');
    }

    private static String describe(Class<?> type) {
        if (type == Instant.class) {
            return "an ISO-8601 timestamp such as 2024-05-01T12:00:00.000Z";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration such as PT20.056S";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isRecord()) {
            return "a JSON object";
        }
        return "a " + type.getSimpleName();
    }

    static String abbreviate(String value) {
        return value.length() <= MAX_ECHOED_VALUE_LENGTH ? value : value.substring(0, MAX_ECHOED_VALUE_LENGTH) + "...";
    }
}
