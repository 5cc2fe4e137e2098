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
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * Asks the entity itself, through its shard. Sharding starts an entity that is not running to deliver the
 * question; one that has answered no event reports no history and asks to be passivated at once, so a query for
 * an unknown call costs one short-lived actor and leaves nothing resident. A question not answered after
 * {@code ask-again-after} is sent once more ({@link AskAgain}): a shard being handed over drops what it holds.
 */
public final class ShardedEntityQuery implements EntityQuery {
    private final ClusterSharding sharding;
    private final Executor executor;
    private final AskAgain askAgain;

    public ShardedEntityQuery(ActorSystem<?> system, SwitchboardSettings settings) {
        this.sharding = ClusterSharding.get(system);
        this.executor = system.executionContext();
        this.askAgain = new AskAgain(system, settings.askAgainAfter(), settings.queryTimeout());
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
        // On the system's dispatcher: the ask's stage comes from a Scala future, whose non-async methods would run
        // on the JDK's common pool.
        return askAgain.ask(sharding.entityRefFor(key, id), VoiceEntity.Inspect::new, UnaryOperator.identity())
                .thenApplyAsync(answer -> Optional.of(answer).filter(EntityInspection::hasHistory), executor);
    }
}
