package io.switchboard.application.port.in;

import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EventReply;
import java.util.concurrent.CompletionStage;

/** The inbound port: hand over one webhook event, get its reply within the configured deadline. */
public interface HandleVoiceEventUseCase {

    /**
     * Routes {@code event} to its call or conference entity and completes with the reply. Never completes
     * exceptionally: past the deadline, or when the entity cannot be reached, it completes with the fallback.
     */
    CompletionStage<EventReply> handle(VoiceEvent event);
}
