package io.switchboard.adapters.http.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading a part by its fields' names gives what binding it with Jackson gives: the same value or the same fault. */
class PartReaderTest {
    private final ObjectMapper mapper = WebhookObjectMapper.create();

    record Sample(
            String text, Integer count, Boolean flag, Instant at, Duration took, List<String> tracks, Inner inner) {}

    record Inner(String id, Instant at) {}

    /** Every shape a field of each type may come in: plain, needing Jackson's reading, and wrong. */
    private static final Map<String, List<String>> VALUES = Map.of(
            "text", List.of("\"a\"", "\"\"", "null", "1", "true", "{}", "[\"a\"]"),
            "count", List.of("2", "\"2\"", "2.0", "1.5", "99999999999", "\"x\"", "true", "null"),
            "flag", List.of("true", "\"true\"", "\"false\"", "1", "\"x\"", "null"),
            "at",
                    List.of(
                            "\"2024-05-01T12:00:00Z\"",
                            "\"2024-05-01T12:00:00.123456789Z\"",
                            "\"2024-05-01T12:00:00+01:00\"",
                            "\"2024-05-01T12:00:00+0000\"",
                            "\" 2024-05-01T12:00:00Z\"",
                            "\"2024-05-01T12:00:00\"",
                            "\"1700000000\"",
                            "\"1700000000.5\"",
                            "\"\"",
                            "\"yesterday\"",
                            "17",
                            "{}"),
            "took", List.of("\"PT20.056S\"", "\"P1D\"", "\"-PT1S\"", "\" PT1S \"", "\"20\"", "\"\"", "\"x\"", "20"),
            "tracks", List.of("[\"inbound\",\"outbound\"]", "[]", "\"inbound\"", "[1]", "[null]", "{}", "null"),
            "inner",
                    List.of(
                            "{}",
                            "{\"id\":\"i\",\"at\":\"2024-05-01T12:00:00Z\",\"other\":[1]}",
                            "{\"at\":\"yesterday\"}",
                            "{\"id\":5}",
                            "\"text\"",
                            "[]",
                            "null"));

    /** Each value as the one field of its type, among an unknown field and, but for the text itself, a text. */
    static Stream<Arguments> bodies() {
        return VALUES.entrySet().stream()
                .flatMap(field -> field.getValue().stream()
                        .map(value -> Arguments.of("{\"unknown\":{\"x\":1},"
                                + (field.getKey().equals("text") ? "" : "\"text\":\"kept\",")
                                + "\"" + field.getKey() + "\":" + value + "}")));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void readsAsJacksonBindsOrRefusesWithTheSameFault(String body) throws Exception {
        ObjectNode json = (ObjectNode) mapper.readTree(body);
        Sample bound;
        try {
            bound = mapper.treeToValue(json, Sample.class);
        } catch (JacksonException refused) {
            InvalidPayloadException expected = JsonFaults.toInvalidPayload(refused);
            InvalidPayloadException fault = assertThrows(
                    InvalidPayloadException.class,
                    () -> PartReader.of(Sample.class).read(mapper, json));
            assertEquals(expected.field(), fault.field(), body);
            assertEquals(expected.detail(), fault.detail(), body);
            return;
        }
        assertEquals(bound, PartReader.of(Sample.class).read(mapper, json), body);
    }
}
