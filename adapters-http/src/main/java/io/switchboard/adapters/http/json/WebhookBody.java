package io.switchboard.adapters.http.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.common.Identifiers;
import io.switchboard.domain.conference.ConferenceDetails;
import io.switchboard.domain.conference.ConferenceMember;
import java.io.IOException;

/**
 * One parsed webhook body. Each part of an event (the common call fields, the event's own fields) is read as
 * its own record from the same JSON object, so no payload record repeats the common fields.
 */
final class WebhookBody {
    private final ObjectMapper mapper;
    private final JsonNode json;

    private WebhookBody(ObjectMapper mapper, JsonNode json) {
        this.mapper = mapper;
        this.json = json;
    }

    static WebhookBody parse(ObjectMapper mapper, byte[] body) {
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
        return new WebhookBody(mapper, json);
    }

    /** The {@code eventType}, required on every webhook and checked like an identifier (it ends up in logs). */
    String eventType() {
        JsonNode eventType = json.get("eventType");
        if (eventType != null && !eventType.isNull() && !eventType.isTextual()) {
            throw new InvalidPayloadException("eventType", null, "eventType must be a string");
        }
        String value = eventType == null ? null : eventType.textValue();
        return DomainValues.domainValue(() -> Identifiers.requireValid("eventType", value), "eventType");
    }

    <T> T read(Class<T> part) {
        try {
            return mapper.treeToValue(json, part);
        } catch (JacksonException invalid) {
            throw JsonFaults.toInvalidPayload(invalid);
        }
    }

    CallDetails call() {
        return read(CallFields.class).toDomain();
    }

    ConferenceDetails conference() {
        return read(ConferenceFields.class).toDomain();
    }

    ConferenceMember member() {
        return read(MemberFields.class).toDomain();
    }
}
