package io.switchboard.adapters.http.json;

import io.switchboard.domain.common.VoiceEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook sent to the shared URL: its {@code eventType} and the domain event. The event is empty only when the
 * type is one nobody knows yet and the payload names neither a call nor a conference to keep it on.
 */
public record DecodedWebhook(String eventType, Optional<VoiceEvent> event) {
    public DecodedWebhook {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(event, "event");
    }
}
