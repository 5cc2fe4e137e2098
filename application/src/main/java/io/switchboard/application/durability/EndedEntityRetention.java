package io.switchboard.application.durability;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.cluster.typed.ClusterSingleton;
import akka.cluster.typed.SingletonActor;
import akka.persistence.query.EventEnvelope;
import akka.persistence.query.Offset;
import akka.persistence.query.PersistenceQuery;
import akka.persistence.query.javadsl.CurrentEventsByTagQuery;
import akka.persistence.typed.PersistenceId;
import io.switchboard.application.durability.DurableVoiceEntity.PurgeOutcome;
import io.switchboard.domain.entity.TimelineEntry;
import io.switchboard.domain.entity.VoiceEntity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Deletes the events and snapshots of calls and conferences that ended longer ago than the retention period, so
 * the journal does not grow forever. One per cluster (a cluster singleton): every sweep it reads the entries
 * tagged {@link DurableVoiceEntity#ENDED_TAG} oldest first, and asks each entity whose ending came before the
 * cut-off, through its shard, to {@link DurableVoiceEntity.Purge purge} itself. The entity is the one writer of
 * its journal, so the deletion never races its own events; a call that has not ended is left alone.
 */
public final class EndedEntityRetention {

    /** The singleton's messages: its own timer and results. */
    public interface Command {}

    private enum Sweep implements Command {
        INSTANCE
    }

    private record Swept(Map<PurgeOutcome, Integer> outcomes, Throwable failure) implements Command {}

    private static final String SINGLETON_NAME = "ended-entity-retention";

    private final ActorContext<Command> context;
    private final ClusterSharding sharding;
    private final CurrentEventsByTagQuery journal;
    private final DurabilitySettings settings;
    private final Duration askTimeout;
    private final Clock clock;
    private final Map<String, EntityTypeKey<VoiceEntity.Command>> keysByName;

    private EndedEntityRetention(
            ActorContext<Command> context,
            CurrentEventsByTagQuery journal,
            DurabilitySettings settings,
            Duration askTimeout,
            Clock clock,
            List<EntityTypeKey<VoiceEntity.Command>> keys) {
        this.context = context;
        this.sharding = ClusterSharding.get(context.getSystem());
        this.journal = journal;
        this.settings = settings;
        this.askTimeout = askTimeout;
        this.clock = clock;
        this.keysByName = keys.stream().collect(java.util.stream.Collectors.toMap(EntityTypeKey::name, key -> key));
    }

    /**
     * Starts the singleton on the oldest node (and a proxy on every node); idempotent per node.
     *
     * @param keys       the sharded entity types whose ended entities it purges; a persistence id names its type
     * @param askTimeout how long an entity may take to purge itself
     */
    public static void init(
            ActorSystem<?> system,
            DurabilitySettings settings,
            Duration askTimeout,
            List<EntityTypeKey<VoiceEntity.Command>> keys) {
        ClusterSingleton.get(system)
                .init(SingletonActor.of(create(settings, askTimeout, Clock.systemUTC(), keys), SINGLETON_NAME));
    }

    static Behavior<Command> create(
            DurabilitySettings settings,
            Duration askTimeout,
            Clock clock,
            List<EntityTypeKey<VoiceEntity.Command>> keys) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
            CurrentEventsByTagQuery journal = PersistenceQuery.get(context.getSystem())
                    .getReadJournalFor(
                            CurrentEventsByTagQuery.class, settings.sweep().readJournalPlugin());
            timers.startTimerWithFixedDelay(
                    Sweep.INSTANCE,
                    settings.sweep().firstAfter(),
                    settings.sweep().interval());
            return new EndedEntityRetention(context, journal, settings, askTimeout, clock, keys).waiting();
        }));
    }

    private Behavior<Command> waiting() {
        return Behaviors.receive(Command.class)
                .onMessageEquals(Sweep.INSTANCE, this::sweep)
                .build();
    }

    private Behavior<Command> sweeping() {
        return Behaviors.receive(Command.class)
                // A sweep that takes longer than the interval is not run twice at once.
                .onMessageEquals(Sweep.INSTANCE, Behaviors::same)
                .onMessage(Swept.class, this::onSwept)
                .build();
    }

    private Behavior<Command> sweep() {
        Instant cutoff = clock.instant().minus(settings.retention());
        CompletionStage<Map<PurgeOutcome, Integer>> outcomes = journal.currentEventsByTag(
                        DurableVoiceEntity.ENDED_TAG, Offset.noOffset())
                // Oldest first: the first that ended after the cut-off ends the sweep.
                .takeWhile(envelope -> endedBefore(envelope, cutoff))
                .mapAsync(settings.sweep().purgesAtOnce(), envelope -> purge(envelope.persistenceId()))
                .runFold(
                        new EnumMap<PurgeOutcome, Integer>(PurgeOutcome.class),
                        (counts, outcome) -> {
                            counts.merge(outcome, 1, Integer::sum);
                            return counts;
                        },
                        context.getSystem());
        context.pipeToSelf(outcomes, Swept::new);
        return sweeping();
    }

    private static boolean endedBefore(EventEnvelope envelope, Instant cutoff) {
        return envelope.event() instanceof TimelineEntry entry
                && entry.receivedAt().isBefore(cutoff);
    }

    private CompletionStage<PurgeOutcome> purge(String persistenceId) {
        Optional<EntityTypeKey<VoiceEntity.Command>> key =
                Optional.ofNullable(keysByName.get(PersistenceId.extractEntityType(persistenceId)));
        if (key.isEmpty()) {
            context.getLog().warn("{} is of no entity type this service knows; left as it is", persistenceId);
            return CompletableFuture.completedFuture(PurgeOutcome.NOT_ENDED);
        }
        return sharding.entityRefFor(key.get(), PersistenceId.extractEntityId(persistenceId))
                .<PurgeOutcome>ask(DurableVoiceEntity.Purge::new, askTimeout)
                // On the system's dispatcher, not the JDK's common pool (a new thread per task on two cores or fewer).
                .handleAsync(
                        (outcome, failure) -> failure == null ? outcome : PurgeOutcome.FAILED,
                        context.getExecutionContext());
    }

    private Behavior<Command> onSwept(Swept swept) {
        if (swept.failure() != null) {
            context.getLog().warn("retention sweep failed; the next one tries again", swept.failure());
        } else if (!swept.outcomes().isEmpty()) {
            context.getLog()
                    .info(
                            "retention sweep: events and snapshots of {} ended calls and conferences deleted"
                                    + " ({} not ended, {} failed and left for the next sweep)",
                            swept.outcomes().getOrDefault(PurgeOutcome.PURGED, 0),
                            swept.outcomes().getOrDefault(PurgeOutcome.NOT_ENDED, 0),
                            swept.outcomes().getOrDefault(PurgeOutcome.FAILED, 0));
        }
        return waiting();
    }
}
