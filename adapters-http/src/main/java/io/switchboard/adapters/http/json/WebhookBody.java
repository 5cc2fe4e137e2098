package io.switchboard.adapters.http.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.Checks;
import io.switchboard.domain.common.WireValue;
import io.switchboard.domain.conference.ConferenceDetails;
import io.switchboard.domain.conference.ConferenceMember;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webhook, as a JSON object: a POSTed body, or the query parameters of a GET, parsed once. Each part of an
 * event (the common call fields, the event's own fields) is its own record, its fields picked out of that one
 * object by name ({@link PartReader}), so no payload record repeats the common fields and no part walks the body. Fields beyond the contract that arrived malformed are taken out of the object before
 * anything is read and kept as sent ({@link #unparsed}).
 */
final class WebhookBody {
    private static final Logger log = LoggerFactory.getLogger(WebhookBody.class);

    private final ObjectMapper mapper;
    private final PayloadLimits limits;
    private final ObjectNode json;
    private final Map<String, String> unparsed = new LinkedHashMap<>();

    private WebhookBody(ObjectMapper mapper, PayloadLimits limits, ObjectNode json) {
        this.mapper = mapper;
        this.limits = limits;
        this.json = (ObjectNode) WellFormedText.require(json);
    }

    static WebhookBody parse(ObjectMapper mapper, PayloadLimits limits, byte[] body) {
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JacksonException malformed) {
            throw JsonFaults.toInvalidPayload(malformed);
        } catch (IOException unreadable) {
            throw new InvalidPayloadException(null, null, "Unreadable body: " + unreadable.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new InvalidPayloadException(null, null, "The body must be a JSON object");
        }
        return new WebhookBody(mapper, limits, (ObjectNode) json);
    }

    /**
     * The query parameters of a GET callback as the JSON object a POST would carry: every value is text (Jackson
     * reads "2" as a number and "true" as a boolean where the field is one), a dotted name is a field of a nested
     * object ({@code machineDetectionResult.value=human}) and a repeated name is a list
     * ({@code mediaStream.tracks=inbound&mediaStream.tracks=outbound}).
     */
    static WebhookBody fromQuery(ObjectMapper mapper, PayloadLimits limits, List<Map.Entry<String, String>> query) {
        ObjectNode root = mapper.createObjectNode();
        for (Map.Entry<String, String> parameter : query) {
            String name = parameter.getKey();
            String[] path = name.split("\\.", -1);
            if (name.length() > limits.maxNameLength()
                    || path.length > limits.maxNestingDepth()
                    || Arrays.stream(path).anyMatch(String::isBlank)) {
                throw new InvalidPayloadException(
                        JsonFaults.abbreviate(name),
                        null,
                        "Query parameter names must be " + "field names, or dotted paths of at most "
                                + limits.maxNestingDepth() + " of them");
            }
            if (parameter.getValue().length() > limits.maxStringLength()) {
                throw new InvalidPayloadException(
                        name, null, name + " must be at most " + limits.maxStringLength() + " characters");
            }
            addQueryValue(objectAt(root, path, name), path[path.length - 1], parameter.getValue(), name);
        }
        return new WebhookBody(mapper, limits, root);
    }

    private static ObjectNode objectAt(ObjectNode root, String[] path, String name) {
        ObjectNode parent = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = parent.get(path[i]);
            if (child == null) {
                child = parent.putObject(path[i]);
            } else if (!child.isObject()) {
                throw new InvalidPayloadException(
                        name,
                        null,
                        name + " names a field inside " + path[i] + ", which is also given a value of its own");
            }
            parent = (ObjectNode) child;
        }
        return parent;
    }

    private static void addQueryValue(ObjectNode parent, String field, String value, String name) {
        JsonNode existing = parent.get(field);
        if (existing == null) {
            parent.put(field, value);
        } else if (existing.isTextual()) {
            parent.putArray(field).add(existing).add(value);
        } else if (existing.isArray()) {
            ((ArrayNode) existing).add(value);
        } else {
            throw new InvalidPayloadException(name, null, name + " is given a value and fields of its own");
        }
    }

    /**
     * The {@code eventType}, required on every webhook and checked like an identifier: it is logged and kept in
     * state.
     */
    String eventType() {
        JsonNode eventType = json.get("eventType");
        if (eventType != null && !eventType.isNull() && !eventType.isTextual()) {
            throw new InvalidPayloadException("eventType", null, "eventType must be a string");
        }
        String value = eventType == null ? null : eventType.textValue();
        return DomainValues.domainValue(() -> Checks.requireEventType("eventType", value), "eventType");
    }

    /** Whether the payload has {@code field} at its top level, with a value other than null. */
    boolean has(String field) {
        JsonNode value = json.get(field);
        return value != null && !value.isNull();
    }

    /**
     * Takes every field of {@code fields} that arrived malformed out of the payload, keeping it as sent: what is
     * read afterwards sees it absent. A single text where a list belongs becomes a list of it.
     */
    void tolerate(List<TolerantField> fields, String eventType) {
        for (TolerantField field : fields) {
            String[] path = field.segments();
            JsonNode parent = json;
            for (int i = 0; i < path.length - 1 && parent != null; i++) {
                parent = parent.get(path[i]);
            }
            if (!(parent instanceof ObjectNode object)) {
                continue;
            }
            String name = path[path.length - 1];
            JsonNode value = object.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (field.type() == List.class && value.isTextual()) {
                object.putArray(name).add(value);
            } else if (!wellFormed(field, value)) {
                String raw = value.isTextual() ? value.textValue() : value.toString();
                log.warn(
                        "Kept {} of a {} webhook as sent, '{}': not a well-formed {}",
                        field.path(),
                        eventType,
                        JsonFaults.abbreviate(raw),
                        field.type().getSimpleName());
                unparsed.put(field.path(), raw);
                object.remove(name);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean wellFormed(TolerantField field, JsonNode value) {
        Class<?> type = field.type();
        try {
            Object read;
            if (type == List.class) {
                read = value.isArray()
                                && StreamSupport.stream(value.spliterator(), false)
                                        .allMatch(JsonNode::isTextual)
                        ? value
                        : null;
            } else if (type == CallId.class) {
                read = value.isTextual()
                        ? DomainValues.requiredCallId(field.path(), value.textValue(), limits.maxIdLength())
                        : null;
            } else if (type.isEnum() && WireValue.class.isAssignableFrom(type)) {
                read = value.isTextual() ? WireValue.parse((Class) type, field.path(), value.textValue()) : null;
            } else {
                read = PartReader.value(mapper, value, type);
            }
            return read != null && field.valid().test(read);
        } catch (JacksonException | IllegalArgumentException | InvalidPayloadException malformed) {
            return false;
        }
    }

    /** Fields beyond the contract that arrived malformed, by dotted path, as sent. */
    Map<String, String> unparsed() {
        return unparsed;
    }

    <T extends Record> T read(Class<T> part) {
        return PartReader.of(part).read(mapper, json);
    }

    int maxIdLength() {
        return limits.maxIdLength();
    }

    CallDetails call() {
        return read(CallFields.class).toDomain(limits.maxIdLength(), unparsed);
    }

    ConferenceDetails conference() {
        return read(ConferenceFields.class).toDomain(limits.maxIdLength(), unparsed);
    }

    ConferenceMember member() {
        return read(MemberFields.class).toDomain(limits.maxIdLength());
    }

    /**
     * Every top-level field but the {@code eventType} and those {@code skipped} (the common call or conference
     * fields, kept elsewhere), as text: a string as it is, anything else as its JSON.
     */
    Map<String, String> otherFields(Set<String> skipped) {
        Map<String, String> others = new LinkedHashMap<>();
        json.fields().forEachRemaining(field -> {
            String name = field.getKey();
            if (!name.isBlank() && !name.equals("eventType") && !skipped.contains(name)) {
                JsonNode value = field.getValue();
                others.put(name, value.isTextual() ? value.textValue() : value.toString());
            }
        });
        return others;
    }
}
