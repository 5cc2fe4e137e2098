package io.switchboard.adapters.http.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.DurationDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The one {@link ObjectMapper} the webhook adapter reads payloads and writes problems with, hardened for bodies
 * from the internet. akka-http-jackson's default mapper fails on unknown properties and cannot read
 * {@code java.time}, so it is never used.
 */
public final class WebhookObjectMapper {

    private WebhookObjectMapper() {}

    /** A mapper with the default {@link PayloadLimits}. */
    public static ObjectMapper create() {
        return create(PayloadLimits.DEFAULTS);
    }

    public static ObjectMapper create(PayloadLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                // Every bound explicit, from config: Jackson's own defaults (1000 levels, 20 MB strings) are far
                // beyond anything Bandwidth sends.
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(limits.maxBodyBytes())
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxNumberLength(limits.maxNumberLength())
                        .maxStringLength(limits.maxStringLength())
                        .maxNameLength(limits.maxNameLength())
                        .build())
                // Two values for one key make the event ambiguous (which callId?): refuse instead of picking one.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Bandwidth's own published examples end objects with a comma; it is unambiguous, so accept it.
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                .build();
        return JsonMapper.builder(factory)
                // Bandwidth adds fields to its payloads without notice; they must not break decoding.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // "{...} junk" is not one JSON document; reading only its first value would hide a broken sender.
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // 1.5 channels is a wrong value, not 1.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // Payload types are fixed records; a body never names the class to build.
                .deactivateDefaultTyping()
                .enable(MapperFeature.BLOCK_UNSAFE_POLYMORPHIC_BASE_TYPES)
                // Numbers and booleans may come as their text ("2", "true": query parameters, Bandwidth's own
                // examples), but text never comes as a number, and a boolean never as 0 or 1.
                .withCoercionConfig(
                        LogicalType.Textual,
                        text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean, bool -> bool.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addModule(new JavaTimeModule())
                .addModule(textOnlyTimes())
                .build();
    }

    /** Timestamps and durations are ISO-8601 text; a bare number would be read as epoch seconds, a guess. */
    private static SimpleModule textOnlyTimes() {
        return new SimpleModule("WebhookTextOnlyTimes")
                .addDeserializer(Instant.class, new TextOnly<>(Instant.class, InstantDeserializer.INSTANT))
                .addDeserializer(Duration.class, new TextOnly<>(Duration.class, DurationDeserializer.INSTANCE));
    }

    private static final class TextOnly<T> extends StdDeserializer<T> {
        private final transient JsonDeserializer<T> text;

        TextOnly(Class<T> type, JsonDeserializer<T> text) {
            super(type);
            this.text = text;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            return text.deserialize(parser, context);
        }
    }
}
