package io.switchboard.application.serialization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.switchboard.domain.flow.FlowData;
import io.switchboard.domain.flow.FlowDataCodec;

/**
 * Flow data as JSON, tolerant of the record's versions: a field the data has and the record no longer knows is
 * ignored, a field the record gained and the data lacks takes Java's default (null, 0, false), which the record's
 * constructor may replace with its own. Times are ISO-8601 text, so the admin API shows them readably.
 */
public final class JacksonFlowDataCodec implements FlowDataCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .addModule(new ParameterNamesModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    @Override
    public FlowData write(Object value) {
        try {
            return new FlowData(mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "flow data " + value.getClass().getName() + " cannot be written as JSON: " + e.getOriginalMessage(),
                    e);
        }
    }

    @Override
    public <T> T read(FlowData data, Class<T> type) {
        try {
            return mapper.readValue(data.json(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "flow data cannot be read as a " + type.getName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
