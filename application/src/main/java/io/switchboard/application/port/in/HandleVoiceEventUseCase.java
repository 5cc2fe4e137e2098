package io.switchboard.application.port.in;

import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EventReply;
import java.util.concurrent.CompletionStage;

/** The inbound port: hand over one webhook event, get its reply within the configured deadline. */
public interface HandleVoiceEventUseCase {

    /**
     * Routes {@code event} to its call or conference entity and completes with the reply: past the deadline, or
     * when the entity cannot be reached, with the fallback. It completes exceptionally only with an
     * {@link AdmissionRefusedException}, for an event that would open a call on a node at its memory ceiling.
     */
    CompletionStage<EventReply> handle(VoiceEvent event);
}
