package io.switchboard.adapters.http.json;

import io.switchboard.domain.common.VoiceEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook posted to the shared URL: its {@code eventType} and, when some channel knows that type, the domain
 * event. An empty {@code event} is a type Bandwidth added after this service was built.
 */
public record DecodedWebhook(String eventType, Optional<VoiceEvent> event) {
    public DecodedWebhook {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(event, "event");
    }
}
