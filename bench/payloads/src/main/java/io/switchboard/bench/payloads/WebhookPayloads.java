package io.switchboard.bench.payloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Webhook bodies shaped like Bandwidth's, one template per contract channel ({@code payloads/<channel>.json}).
 * A template names its variable parts {@code {{callId}}}, {@code {{parentCallId}}}, {@code {{conferenceId}}},
 * {@code {{digits}}} and {@code {{eventTime}}}; {@code bench/wrk/calls.lua} fills the same files the same way.
 */
public final class WebhookPayloads {

    private WebhookPayloads() {}

    /** The template of {@code channel}, its placeholders unfilled. */
    public static String template(String channel) {
        String resource = "/payloads/" + channel + ".json";
        try (InputStream in = WebhookPayloads.class.getResourceAsStream(resource)) {
            Objects.requireNonNull(in, () -> "no payload template " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code template} with each {@code {{name}}} replaced by its value; unknown names stay as they are. */
    public static String fill(String template, Map<String, String> values) {
        String filled = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return filled;
    }

    /** The body of {@code channel} for one call, with fixed values for everything else, as UTF-8. */
    public static byte[] body(String channel, String callId) {
        return fill(
                        template(channel),
                        Map.of(
                                "callId",
                                callId,
                                "parentCallId",
                                "c-parent-" + callId,
                                "conferenceId",
                                "conf-" + callId,
                                "digits",
                                "2",
                                "eventTime",
                                "2026-11-25T10:00:07.000Z"))
                .getBytes(StandardCharsets.UTF_8);
    }
}
