package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.switchboard.adapters.bxml.BxmlReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every channel of the contract ({@code docs/asyncapi.yaml}) answers a payload built from its own schema with
 * 200 and well-formed BXML or an empty body, through the real wiring and a sharded entity: posted to its channel,
 * posted to the shared URL, and sent as a GET with the fields as query parameters.
 */
class ContractConformanceTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static final JsonNode contract = readContract();
    private static RunningService service;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start("");
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    private static JsonNode readContract() {
        try {
            return new ObjectMapper(new YAMLFactory())
                    .readTree(Path.of("..", "docs", "asyncapi.yaml").toFile());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("docs/asyncapi.yaml must be readable", e);
        }
    }

    static Stream<Arguments> channels() {
        Stream.Builder<Arguments> channels = Stream.builder();
        contract.get("channels").fields().forEachRemaining(channel -> {
            String messageRef = channel.getValue().at("/publish/message/$ref").asText();
            JsonNode payloadSchema =
                    resolve(resolve(messageRef).get("payload").get("$ref").asText());
            channels.add(Arguments.of(channel.getKey(), payloadSchema));
        });
        return channels.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("channels")
    void channelAnswersItsContractPayload(String channel, JsonNode schema) throws Exception {
        ObjectNode payload = json.createObjectNode();
        fillFrom(schema, payload, channel);
        HttpResponse<String> reply = service.post(channel, json.writeValueAsString(payload));

        assertEquals(200, reply.statusCode(), channel + " answered " + reply.body());
        if (!reply.body().isEmpty()) {
            assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
            new BxmlReader().read(reply.body());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("channels")
    void sharedUrlAnswersEveryContractPayload(String channel, JsonNode schema) throws Exception {
        ObjectNode payload = json.createObjectNode();
        fillFrom(schema, payload, channel + "-shared");
        HttpResponse<String> reply = service.post("/voice", json.writeValueAsString(payload));

        assertAnswered(channel, reply);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("channels")
    void getCallbackAnswersEveryContractPayload(String channel, JsonNode schema) throws Exception {
        ObjectNode payload = json.createObjectNode();
        fillFrom(schema, payload, channel + "-get");
        String query = StreamSupport.stream(Spliterators.spliteratorUnknownSize(payload.fields(), 0), false)
                .map(field ->
                        encode(field.getKey()) + "=" + encode(field.getValue().asText()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> reply =
                service.send(java.net.http.HttpRequest.newBuilder(service.uri(channel + "?" + query)));

        assertAnswered(channel, reply);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void assertAnswered(String channel, HttpResponse<String> reply) {
        assertEquals(200, reply.statusCode(), channel + " answered " + reply.body());
        if (!reply.body().isEmpty()) {
            assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
            new BxmlReader().read(reply.body());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("channels")
    void everyChannelHasAnEventTypeConstant(String channel, JsonNode schema) {
        ObjectNode payload = json.createObjectNode();
        fillFrom(schema, payload, channel);
        assertFalse(payload.path("eventType").asText().isEmpty(), channel + " payload has an eventType");
    }

    private static JsonNode resolve(String ref) {
        return contract.at(ref.substring(1));
    }

    /** Fills {@code payload} with a realistic value for every property of {@code schema}, following allOf and $ref. */
    private static void fillFrom(JsonNode schema, ObjectNode payload, String channel) {
        if (schema.has("$ref")) {
            fillFrom(resolve(schema.get("$ref").asText()), payload, channel);
            return;
        }
        schema.path("allOf").forEach(part -> fillFrom(part, payload, channel));
        Iterator<Map.Entry<String, JsonNode>> properties =
                schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            payload.set(property.getKey(), sampleValue(property.getKey(), property.getValue(), channel));
        }
    }

    private static JsonNode sampleValue(String name, JsonNode property, String channel) {
        if (property.has("const")) {
            return property.get("const");
        }
        if (property.has("enum")) {
            return property.get("enum").get(0);
        }
        if ("integer".equals(property.path("type").asText())) {
            return json.getNodeFactory().numberNode(1);
        }
        String format = property.path("format").asText();
        String value = switch (format) {
            case "date-time" -> "2026-11-25T10:00:00Z";
            case "uri" -> "https://voice.bandwidth.com/api/v2/accounts/9900000/" + name;
            default ->
                switch (name) {
                    case "callId", "transferCallId" -> "c-contract-" + channel.replace('/', '-') + "-" + name;
                    case "conferenceId" -> "conf-contract-" + channel.replace('/', '-');
                    case "from", "to", "transferTo" -> "+15552223333";
                    case "duration" -> "PT20.056S";
                    case "digits" -> "2";
                    case "terminatingDigit" -> "#";
                    default -> "sample-" + name;
                };
        };
        return json.getNodeFactory().textNode(value);
    }
}
