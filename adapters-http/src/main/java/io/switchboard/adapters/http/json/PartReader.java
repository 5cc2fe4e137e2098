package io.switchboard.adapters.http.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads one part of a webhook (a record of its JSON fields, such as {@link CallFields}) straight from the parsed
 * body: each field is looked up by name and taken as it is when it has its plain shape (text for a string, an
 * ISO-8601 timestamp or duration, an int, a boolean, an array of text, an object for a nested part). One value of
 * any other shape (a number sent as text, a timestamp Jackson must interpret, a value of the wrong type) has the
 * whole part bound by Jackson instead, so such a value is read, or refused with the same fault naming the same
 * field, exactly as Jackson reads it. Unknown fields are never looked at.
 */
final class PartReader<T extends Record> {
    /** What a plain read gives for a value that is not in its plain shape. */
    private static final Object NOT_PLAIN = new Object();

    private static final RecentValues<Instant> INSTANTS = new RecentValues<>(4096, Instant::parse);

    private static final ClassValue<PartReader<?>> READERS = new ClassValue<>() {
        @Override
        protected PartReader<?> computeValue(Class<?> part) {
            return new PartReader<>(part.asSubclass(Record.class));
        }
    };

    private final Class<T> part;
    private final String[] names;
    private final Class<?>[] types;
    /** The reader of each component that is itself a part (a nested object), else {@code null}. */
    private final PartReader<?>[] nested;

    private final Constructor<T> constructor;

    private PartReader(Class<T> part) {
        this.part = part;
        RecordComponent[] components = part.getRecordComponents();
        this.names = Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new);
        this.types = Arrays.stream(components).map(PartReader::plainType).toArray(Class<?>[]::new);
        this.nested = Arrays.stream(components)
                .map(component -> component.getType().isRecord() ? READERS.get(component.getType()) : null)
                .toArray(PartReader<?>[]::new);
        try {
            this.constructor = part.getDeclaredConstructor(types);
        } catch (NoSuchMethodException impossible) {
            throw new IllegalStateException("A record has its canonical constructor", impossible);
        }
    }

    /** The component's type; a list is read as text only, so a list of anything else would be misread. */
    private static Class<?> plainType(RecordComponent component) {
        if (component.getType() == List.class
                && !(component.getGenericType() instanceof ParameterizedType list
                        && list.getActualTypeArguments()[0] == String.class)) {
            throw new IllegalStateException(component + ": a part's lists are lists of text");
        }
        return component.getType();
    }

    @SuppressWarnings("unchecked")
    static <T extends Record> PartReader<T> of(Class<T> part) {
        return (PartReader<T>) READERS.get(part);
    }

    /** The part, read from the webhook's JSON object; a malformed value is a fault naming its field. */
    T read(ObjectMapper mapper, ObjectNode json) {
        Object plain = plain(json);
        if (plain != NOT_PLAIN) {
            return part.cast(plain);
        }
        try {
            return mapper.treeToValue(json, part);
        } catch (JacksonException invalid) {
            throw JsonFaults.toInvalidPayload(invalid);
        }
    }

    /** {@code value} as {@code type} (a component type of a part), as Jackson would read it. */
    static <V> V value(ObjectMapper mapper, JsonNode value, Class<V> type) throws JacksonException {
        Object plain = plainValue(value, type);
        return plain != NOT_PLAIN ? type.cast(plain) : mapper.treeToValue(value, type);
    }

    private Object plain(ObjectNode json) {
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            JsonNode value = json.get(names[i]);
            values[i] = nested[i] == null ? plainValue(value, types[i]) : nested[i].plainNested(value);
            if (values[i] == NOT_PLAIN) {
                return NOT_PLAIN;
            }
        }
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException failed) {
            throw failed.getCause() instanceof RuntimeException cause
                    ? cause
                    : new IllegalStateException(failed.getCause());
        } catch (ReflectiveOperationException inaccessible) {
            throw new IllegalStateException(part + " cannot be built", inaccessible);
        }
    }

    private Object plainNested(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value instanceof ObjectNode object ? plain(object) : NOT_PLAIN;
    }

    /** Absent and null are {@code null}, as Jackson reads them for every type a part has. */
    private static Object plainValue(JsonNode value, Class<?> type) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (type == String.class) {
            return value.isTextual() ? value.textValue() : NOT_PLAIN;
        }
        if (type == Integer.class) {
            return value.isInt() ? value.intValue() : NOT_PLAIN;
        }
        if (type == Boolean.class) {
            return value.isBoolean() ? value.booleanValue() : NOT_PLAIN;
        }
        if (type == Instant.class) {
            return parsed(value, INSTANTS::of);
        }
        if (type == Duration.class) {
            return parsed(value, Duration::parse);
        }
        if (type == List.class) {
            return texts(value);
        }
        return NOT_PLAIN;
    }

    /**
     * The text parsed the strict ISO-8601 way; Jackson parses with the same formatter and reads what it accepts
     * the same, and only ever accepts more (numbers, padding), which it is left to read.
     */
    private static Object parsed(JsonNode value, Function<String, ?> parse) {
        if (!value.isTextual()) {
            return NOT_PLAIN;
        }
        try {
            return parse.apply(value.textValue());
        } catch (DateTimeException notStrictIso) {
            return NOT_PLAIN;
        }
    }

    /** An array of text, as the mutable list Jackson builds for a {@code List<String>}. */
    private static Object texts(JsonNode value) {
        if (!value.isArray()) {
            return NOT_PLAIN;
        }
        List<String> texts = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                return NOT_PLAIN;
            }
            texts.add(element.textValue());
        }
        return texts;
    }
}
