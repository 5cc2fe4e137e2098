package io.switchboard.application.sharding;

import akka.actor.typed.ActorSystem;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.application.port.in.EntityQuery;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.entity.EntityInspection;
import io.switchboard.domain.entity.VoiceEntity;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Asks the entity itself, through its shard. Sharding starts an entity that is not running to deliver the
 * question; one that has answered no event reports no history and asks to be passivated at once, so a query for
 * an unknown call costs one short-lived actor and leaves nothing resident.
 */
public final class ShardedEntityQuery implements EntityQuery {
    private final ClusterSharding sharding;
    private final Duration timeout;
    private final Executor executor;

    public ShardedEntityQuery(ActorSystem<?> system, SwitchboardSettings settings) {
        this.sharding = ClusterSharding.get(system);
        this.timeout = settings.queryTimeout();
        this.executor = system.executionContext();
    }

    @Override
    public CompletionStage<Optional<EntityInspection>> call(CallId callId) {
        return inspect(EntityKeys.CALL, callId.value());
    }

    @Override
    public CompletionStage<Optional<EntityInspection>> conference(ConferenceId conferenceId) {
        return inspect(EntityKeys.CONFERENCE, conferenceId.value());
    }

    private CompletionStage<Optional<EntityInspection>> inspect(EntityTypeKey<VoiceEntity.Command> key, String id) {
        return sharding.entityRefFor(key, id)
                .<EntityInspection>ask(VoiceEntity.Inspect::new, timeout)
                // On the system's dispatcher: the ask's own stage would use the common pool (STYLE pitfall 11).
                .thenApplyAsync(inspection -> Optional.of(inspection).filter(EntityInspection::hasHistory), executor);
    }
}
