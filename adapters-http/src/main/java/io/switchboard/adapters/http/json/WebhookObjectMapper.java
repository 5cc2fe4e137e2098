package io.switchboard.adapters.http.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one {@link ObjectMapper} the webhook adapter reads payloads and writes problems with. akka-http-jackson's
 * default mapper fails on unknown properties and cannot read {@code java.time}, so it is never used.
 */
public final class WebhookObjectMapper {

    private WebhookObjectMapper() {
    }

    public static ObjectMapper create() {
        return JsonMapper.builder()
                // Bandwidth adds fields to its payloads without notice; they must not break decoding.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Two values for one key make the event ambiguous (which callId?): refuse instead of picking one.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // "{...} junk" is not one JSON document; reading only its first value would hide a broken sender.
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addModule(new JavaTimeModule())
                .build();
    }
}
