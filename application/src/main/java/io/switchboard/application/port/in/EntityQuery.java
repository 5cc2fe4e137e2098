package io.switchboard.application.port.in;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.entity.EntityInspection;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What the entity of one call or conference knows: its state and its recent events with their replies. Asked of
 * the entity itself, wherever in the cluster it lives.
 */
public interface EntityQuery {

    /**
     * Completes empty when the call is not held by any entity (never seen, or passivated and forgotten);
     * completes exceptionally with a {@link java.util.concurrent.TimeoutException} when its entity does not
     * answer within the configured query timeout.
     */
    CompletionStage<Optional<EntityInspection>> call(CallId callId);

    /** As {@link #call}, for a conference. */
    CompletionStage<Optional<EntityInspection>> conference(ConferenceId conferenceId);
}
