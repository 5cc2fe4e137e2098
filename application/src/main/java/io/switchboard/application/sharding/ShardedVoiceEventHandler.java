package io.switchboard.application.sharding;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.application.admission.ResidentEntities;
import io.switchboard.application.durability.JournalHealth;
import io.switchboard.application.port.in.AdmissionQuery;
import io.switchboard.application.port.in.AdmissionRefusedException;
import io.switchboard.application.port.in.HandleVoiceEventUseCase;
import io.switchboard.application.port.out.VoiceEventListener;
import io.switchboard.domain.call.CallAnswered;
import io.switchboard.domain.call.CallEvent;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.TransferAnswered;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceCreated;
import io.switchboard.domain.conference.ConferenceEvent;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.VoiceEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Hands each event to its call or conference entity, wherever in the cluster its shard lives, and waits for
 * the reply until the deadline; past it, the caller gets the fallback or is held ({@link HeldCalls}): an entity
 * that does not answer within the deadline is one whose node is lost more often than one whose flow is slow (the
 * entity's own flow timeout, shorter, covers those). In journal mode it gets a 503 instead, to send it again:
 * whether the event was stored is not known, and no 200 goes out for an event that may not be.
 */
public final class ShardedVoiceEventHandler implements HandleVoiceEventUseCase, AdmissionQuery {
    private static final Logger log = LoggerFactory.getLogger(ShardedVoiceEventHandler.class);

    private final ClusterSharding sharding;
    private final EntityKeys.EntityTypes types;
    private final AskAgain askAgain;
    private final SwitchboardSettings settings;
    private final BatchedListeners listeners;
    private final AtomicInteger awaitingReply = new AtomicInteger();
    private final ResidentEntities resident;
    private final AtomicLong shed = new AtomicLong();
    // In journal mode: events are handed on only while the journal stores.
    private final Optional<JournalHealth> journalHealth;
    private final HeldCalls held;
    private final AnsweredEvents answeredEvents;

    public ShardedVoiceEventHandler(
            ActorSystem<?> system, SwitchboardSettings settings, List<VoiceEventListener> listeners) {
        this(system, settings, listeners, EntityKeys.SERVED);
    }

    /** The same, handing events to the entities of {@code types} (the warm-up's: {@link WarmUpEntities}). */
    public ShardedVoiceEventHandler(
            ActorSystem<?> system,
            SwitchboardSettings settings,
            List<VoiceEventListener> listeners,
            EntityKeys.EntityTypes types) {
        this.sharding = ClusterSharding.get(system);
        this.types = types;
        this.askAgain = new AskAgain(system, settings.askAgainAfter(), settings.replyDeadline());
        this.settings = settings;
        this.listeners = new BatchedListeners(
                listeners,
                system.scheduler(),
                settings.listenerBatchInterval(),
                system.dispatchers().lookup(DispatcherSelector.fromConfig(SwitchboardSettings.LISTENER_DISPATCHER)));
        this.resident = ResidentEntities.get(system);
        this.journalHealth =
                settings.durability().journaled() ? Optional.of(JournalHealth.get(system)) : Optional.empty();
        this.held = new HeldCalls(
                settings.hold(), settings.maxHeldCalls(), settings.heldCallsForgottenAfter(), System::nanoTime);
        this.answeredEvents = new AnsweredEvents(settings.answeredEventsKept(), settings.answeredEventsKeptFor());
    }

    @Override
    public CompletionStage<EventReply> handle(VoiceEvent event) {
        EntityTypeKey<VoiceEntity.Command> key = keyFor(event);
        if (key == null) {
            return CompletableFuture.completedFuture(
                    settings.entity().fallback().replyTo(event, ReplyOrigin.MISROUTED));
        }
        // One key for the lookup here and the write after the answer: the event is hashed once.
        AnsweredEvents.Key answeredKey = new AnsweredEvents.Key(event);
        Optional<EventReply> again = answeredEvents.replyAgain(answeredKey);
        if (again.isPresent()) {
            return answeredAgain(key, event, again.get());
        }
        // At the ceiling an ended call, kept only for late events, leaves to make room; with none, the new one is
        // refused.
        if (opensEntity(event)
                && resident.count() >= settings.admission().residentCeiling()
                && !resident.evictOldestEnded()) {
            shed.incrementAndGet();
            return CompletableFuture.failedFuture(
                    new AdmissionRefusedException(settings.admission().residentCeiling()));
        }
        long started = System.nanoTime();
        CompletionStage<EventReply> answered = journalHealth
                .map(health -> health.whileStoring(() -> ask(key, answeredKey)))
                .orElseGet(() -> ask(key, answeredKey));
        // On the thread that completed the answer: no hop of its own.
        return answered.thenApplyAsync(
                answer -> {
                    listeners.handled(event, answer, Duration.ofNanos(System.nanoTime() - started));
                    return answer;
                },
                Runnable::run);
    }

    /**
     * A redelivery of an event answered here: the reply it got, at once; its entity is told, without waiting for
     * it, so that its timeline shows the redelivery as if it had answered it (and, in journal mode, stores it).
     */
    private CompletionStage<EventReply> answeredAgain(
            EntityTypeKey<VoiceEntity.Command> key, VoiceEvent event, EventReply reply) {
        if (journalHealth.map(JournalHealth::storing).orElse(true)) {
            sharding.entityRefFor(key, event.entityId()).tell(new VoiceEntity.Redelivered(event, Instant.now()));
        }
        listeners.handled(event, reply, Duration.ZERO);
        return CompletableFuture.completedFuture(reply);
    }

    private CompletionStage<EventReply> ask(EntityTypeKey<VoiceEntity.Command> key, AnsweredEvents.Key answeredKey) {
        VoiceEvent event = answeredKey.event();
        awaitingReply.incrementAndGet();
        VoiceEvent asked = held.eventToAsk(event);
        // A copy that reaches an entity which answered the original is answered without being recorded.
        CompletionStage<EventReply> reply = askAgain.ask(
                sharding.entityRefFor(key, event.entityId()),
                replyTo -> new VoiceEntity.Handle(asked, replyTo),
                VoiceEntity.Handle::asCopy);
        // On the thread that completed the ask (the entity's; the scheduler's when the deadline passes), so the
        // reply goes on to the HTTP response without another hand-off. Not the plain handle: the stage comes from
        // a Scala future, whose non-async methods would run on the JDK's common pool.
        return reply.handleAsync(
                (answer, failure) -> {
                    awaitingReply.decrementAndGet();
                    return failure == null ? answered(answeredKey, asked, answer) : deadlineMissed(asked, failure);
                },
                Runnable::run);
    }

    /**
     * Events handed to their entities and not answered yet: the one each entity works on, those waiting in its
     * stash, and those on their way. Cheap to read; a measure of the entities' backlog on this node.
     */
    public int eventsAwaitingReply() {
        return awaitingReply.get();
    }

    @Override
    public int residentEntities() {
        return resident.count();
    }

    @Override
    public int residentCeiling() {
        return settings.admission().residentCeiling();
    }

    @Override
    public long newCallsShed() {
        return shed.get();
    }

    @Override
    public int endedEntitiesResident() {
        return resident.endedCount();
    }

    @Override
    public long endedEntitiesEvicted() {
        return resident.evictedCount();
    }

    /**
     * Whether {@code event} is the first of a call or conference: what admission may refuse. An approximation of
     * "an entity this node does not hold" that costs nothing to tell, and refuses no event of a call in progress.
     */
    private static boolean opensEntity(VoiceEvent event) {
        return event instanceof CallInitiated
                || event instanceof CallAnswered
                || event instanceof TransferAnswered
                || event instanceof ConferenceCreated;
    }

    private EntityTypeKey<VoiceEntity.Command> keyFor(VoiceEvent event) {
        if (event instanceof CallEvent) {
            return types.call();
        }
        if (event instanceof ConferenceEvent) {
            return types.conference();
        }
        return null;
    }

    private EventReply answered(AnsweredEvents.Key answeredKey, VoiceEvent asked, EventReply reply) {
        held.answered(asked);
        if (asked == answeredKey.event()) {
            answeredEvents.answered(answeredKey, reply);
        }
        return reply;
    }

    /** In journal mode a 503; otherwise the hold, if {@code asked} may be held once more, else the fallback. */
    private EventReply deadlineMissed(VoiceEvent asked, Throwable failure) {
        boolean journaled = journalHealth.isPresent();
        Optional<EventReply> hold = journaled ? Optional.empty() : held.hold(asked);
        try (var ignored = MDC.putCloseable(asked.entityIdName(), asked.entityId())) {
            log.warn(
                    "no reply to {} within {} ({}); {}",
                    asked.eventType(),
                    settings.replyDeadline(),
                    failure.toString(),
                    journaled
                            ? "answering 503 so that it is sent again"
                            : hold.isPresent() ? "holding the call" : "sending the fallback");
        }
        if (journaled) {
            // Whether the event is stored is not known (a slow or failed store, an entity that could not recover):
            // no BXML that would advance the call. Bandwidth's retry gets the stored reply, if any.
            return EventReply.notStored();
        }
        return hold.orElseGet(() -> settings.entity().fallback().replyTo(asked, ReplyOrigin.DEADLINE_EXCEEDED));
    }
}
