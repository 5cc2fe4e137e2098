package io.switchboard.adapters.http.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.domain.common.VoiceEvent;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decodes webhook bodies into domain events. Every fault is an {@link InvalidPayloadException} naming the JSON
 * field (and the channel once known); nothing a client sends makes it throw anything else.
 */
public final class VoiceEventDecoder {
    private final ObjectMapper mapper;

    public VoiceEventDecoder(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** Decodes a body posted to {@code channel}'s own URL; its {@code eventType} must be one the channel accepts. */
    public VoiceEvent decode(VoiceChannel channel, byte[] body) {
        return onChannel(channel, () -> {
            WebhookBody webhook = WebhookBody.parse(mapper, body);
            String eventType = webhook.eventType();
            if (!channel.accepts(eventType)) {
                throw new InvalidPayloadException("eventType", channel.path(),
                        "Channel " + channel.path() + " accepts eventType " + String.join(", ", channel.eventTypes())
                                + "; got '" + JsonFaults.abbreviate(eventType) + "'");
            }
            return channel.toEvent(webhook);
        });
    }

    /** Decodes a body posted to the shared URL, choosing the channel by its {@code eventType}. */
    public DecodedWebhook decode(byte[] body) {
        WebhookBody webhook = WebhookBody.parse(mapper, body);
        String eventType = webhook.eventType();
        Optional<VoiceEvent> event = VoiceChannel.forEventType(eventType)
                .map(channel -> onChannel(channel, () -> channel.toEvent(webhook)));
        return new DecodedWebhook(eventType, event);
    }

    /** Runs one decoding step, tying any fault it finds to {@code channel}. */
    private static <T> T onChannel(VoiceChannel channel, Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidPayloadException invalid) {
            throw invalid.onChannel(channel.path());
        }
    }
}
