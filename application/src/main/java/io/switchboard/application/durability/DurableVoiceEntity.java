package io.switchboard.application.durability;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Adapter;
import akka.actor.typed.javadsl.Behaviors;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.RecoveryCompleted;
import akka.persistence.typed.RecoveryFailed;
import akka.persistence.typed.javadsl.CommandHandler;
import akka.persistence.typed.javadsl.Effect;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehavior;
import akka.persistence.typed.javadsl.RetentionCriteria;
import akka.persistence.typed.javadsl.SignalHandler;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.control.IssuedRequest;
import io.switchboard.domain.control.RequestOutcome;
import io.switchboard.domain.entity.BusyPolicy;
import io.switchboard.domain.entity.EntityLogic;
import io.switchboard.domain.entity.EntityMemory;
import io.switchboard.domain.entity.EntityRules;
import io.switchboard.domain.entity.EntityState;
import io.switchboard.domain.entity.EntityTimers;
import io.switchboard.domain.entity.EntityWiring;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.FlowRunner;
import io.switchboard.domain.entity.InMemoryVoiceEntity;
import io.switchboard.domain.entity.RequestSettled;
import io.switchboard.domain.entity.TimelineEntry;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.entity.VoiceEntity.Command;
import io.switchboard.domain.entity.VoiceEntity.Handle;
import io.switchboard.domain.entity.VoiceEntity.Inspect;
import io.switchboard.domain.entity.VoiceEntity.Redelivered;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.MDC;

/**
 * The journaled shell of a call or conference entity: the same protocol ({@link VoiceEntity}), the same decisions
 * ({@link EntityLogic}) and the same memory as {@link InMemoryVoiceEntity}, but each answered event is stored in
 * the journal as its {@link TimelineEntry} <em>before</em> the reply goes out, and an entity that starts (on any
 * node, after a passivation, a rebalance or a crash) rebuilds its memory by replaying those entries through
 * {@link EntityLogic#after}, from its latest snapshot on.
 *
 * <p>While the flow works on an event, nothing is stored: the state the flow sees is the memory with the event
 * applied, kept aside. If the node dies then, nothing was stored and nothing acknowledged; Bandwidth's retry of
 * the event is handled afresh where the entity starts again. A redelivery is stored too (it only joins the
 * timeline), so the recovered timeline, which bounds what later redeliveries are recognised by, is the one the
 * entity had.
 *
 * <p>A flow's call-control requests are stored with its event's entry and issued once it is stored; each outcome
 * is stored as a {@link RequestSettled}. A redelivery issues nothing, and an entity that recovers a request that
 * never settled records it as unknown rather than sending it again.
 *
 * <p>Ordering, shedding ({@link BusyPolicy}), timeouts, passivation and stopping behind in-flight work are those of
 * {@link InMemoryVoiceEntity}; the stash is the one Akka Persistence keeps, counted here to shed past the
 * capacity.
 */
public final class DurableVoiceEntity<E extends VoiceEvent, S extends EntityState>
        extends EventSourcedBehavior<Command, Object, EntityMemory<S>> {

    /** The tag of the entry that ends a call or conference: the retention job looks for ended entities by it. */
    public static final String ENDED_TAG = "ended";

    /**
     * Delete the entity's events and snapshots, if it has ended; the retention job sends it through the shard,
     * so the one writer of the journal is the one that deletes it.
     */
    public record Purge(ActorRef<PurgeOutcome> replyTo) implements Command {}

    /** What a {@link Purge} did. */
    public enum PurgeOutcome {
        /** The events and snapshots are deleted, the memory is empty. */
        PURGED,
        /** The call or conference has not ended: nothing was deleted. */
        NOT_ENDED,
        /** The journal refused the deletion; the memory is empty and a later purge tries again. */
        FAILED
    }

    /** The journal event that empties the memory, stored first by a purge. */
    public enum Forgotten {
        INSTANCE
    }

    private record PurgeFinished(ActorRef<PurgeOutcome> replyTo, Throwable failure) implements Command {}

    /** The event the flow works on, and the memory it sees meanwhile (the event applied, its reply pending). */
    private record InFlight(Handle handle, EntityMemory<?> working) {}

    private final ActorContext<Command> context;
    private final EntityLogic<E, S> logic;
    private final FlowRunner<E, S> flows;
    private final EntityTimers timers;
    private final int snapshotEvery;
    private final JournalHealth journalHealth;

    // What is not stored: the work of this incarnation.
    private InFlight inFlight;
    // The event whose entry the journal is writing: answered NOT_STORED if the write fails (the entity stops).
    private Handle storing;
    private boolean purging;
    private int stashed;
    private boolean stopWaiting;

    private DurableVoiceEntity(
            PersistenceId persistenceId,
            ActorContext<Command> context,
            EntityLogic<E, S> logic,
            FlowRunner<E, S> flows,
            EntityTimers timers,
            int snapshotEvery) {
        super(persistenceId);
        this.context = context;
        this.logic = logic;
        this.flows = flows;
        this.timers = timers;
        this.snapshotEvery = snapshotEvery;
        this.journalHealth = JournalHealth.get(context.getSystem());
        context.setLoggerName(DurableVoiceEntity.class);
    }

    /**
     * The behaviour of one journaled entity. The data a flow sets is stored with its event's entry, so a recovered
     * entity gives the next event's flow the data the last one set; side work starts once the entry is stored, and
     * is not stored itself, so a recovery or a redelivery never repeats it. Once it has ended (or recovered ended)
     * it tells its owner ({@link EntityWiring#retentionStarted()}); its journal keeps it.
     *
     * @param persistenceId its journal's key: the entity type's name and the entity's id
     * @param snapshotEvery a snapshot of the memory every this many stored events
     */
    public static <E extends VoiceEvent, S extends EntityState> Behavior<Command> create(
            PersistenceId persistenceId, EntityRules<E, S> rules, EntityWiring wiring, int snapshotEvery) {
        EntityLogic<E, S> logic = new EntityLogic<>(rules, wiring.settings());
        return Behaviors.<Command>withTimers(scheduler -> Behaviors.setup(context -> {
            EntityTimers timers = new EntityTimers(context, scheduler, wiring, false);
            FlowRunner<E, S> flows = new FlowRunner<>(context, scheduler, logic, wiring, timers);
            return new DurableVoiceEntity<>(persistenceId, context, logic, flows, timers, snapshotEvery);
        }));
    }

    @Override
    public EntityMemory<S> emptyState() {
        return logic.emptyMemory();
    }

    @Override
    public EventHandler<EntityMemory<S>, Object> eventHandler() {
        return (memory, event) -> {
            if (event instanceof TimelineEntry entry) {
                return logic.after(memory, entry);
            }
            if (event instanceof RequestSettled settled) {
                return logic.after(memory, settled);
            }
            return logic.emptyMemory();
        };
    }

    @Override
    public Set<String> tagsFor(Object event) {
        return event instanceof TimelineEntry entry && logic.ends(entry) ? Set.of(ENDED_TAG) : Set.of();
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(snapshotEvery, 2);
    }

    @Override
    public SignalHandler<EntityMemory<S>> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), this::onRecovered)
                .onSignal(RecoveryFailed.class, (memory, failed) -> journalHealth.storeFailed(failed.getFailure()))
                .onSignal(PostStop.instance(), memory -> onStopped())
                .build();
    }

    @Override
    public CommandHandler<Command, Object, EntityMemory<S>> commandHandler() {
        return this::onCommand;
    }

    private void onRecovered(EntityMemory<S> memory) {
        context.getLog()
                .debug("recovered {} events of its timeline", memory.timeline().size());
        // Requests stored and never settled were on their way when the last incarnation stopped: they may have
        // reached Bandwidth, so they are not sent again, only recorded as such.
        for (IssuedRequest pending : memory.pendingRequests()) {
            context.getSelf().tell(new RequestSettled(pending.id(), RequestOutcome.interrupted(Instant.now())));
        }
        if (logic.ended(memory)) {
            timers.startRetention();
        } else {
            timers.restartIdleTimer();
        }
    }

    /**
     * A journal write that fails stops the entity (Akka Persistence's default: its state may not be what the
     * journal holds); the event it was storing is answered NOT_STORED on the way out, so that Bandwidth sends it
     * again, to the entity's next incarnation, rather than waiting for the reply deadline and a fallback.
     */
    private void onStopped() {
        if (storing != null) {
            // The node is marked not storing first: once the 503 is out, its readiness already says so.
            journalHealth.storeFailed(new IllegalStateException("a journal write failed"));
            storing.replyTo().tell(EventReply.notStored());
            storing = null;
        }
    }

    /**
     * Every log line of a command names the call or conference. Not through {@code Behaviors.withMdc}: Akka
     * Persistence hands stashed commands back while it handles its own messages, which that would not mark.
     */
    private Effect<Object, EntityMemory<S>> onCommand(EntityMemory<S> memory, Command command) {
        try (var mdc = MDC.putCloseable(logic.rules().logKey(), logic.rules().entityId())) {
            return handle(memory, command);
        }
    }

    private Effect<Object, EntityMemory<S>> handle(EntityMemory<S> memory, Command command) {
        if (inFlight != null || purging) {
            return whileBusy(memory, command);
        }
        if (command instanceof Inspect inspect) {
            return onInspect(memory, inspect);
        }
        if (command instanceof RequestSettled settled) {
            return onSettled(settled);
        }
        if (command instanceof Handle handle) {
            return onHandle(memory, handle);
        }
        if (command instanceof Redelivered redelivered) {
            // Stored like a redelivery answered here, so the timeline recovered is the one this entity has.
            return logic.redeliveryEntry(memory, redelivered.event(), redelivered.receivedAt(), context.getLog())
                    .<Effect<Object, EntityMemory<S>>>map(entry -> Effect().persist(entry))
                    .orElseGet(() -> Effect().none());
        }
        if (command instanceof Purge purge) {
            return onPurge(memory, purge);
        }
        if (command == VoiceEntity.Stop.INSTANCE) {
            return Effect().stop();
        }
        BusyPolicy.Arrival arrival = flows.arrival(command);
        if (arrival == BusyPolicy.Arrival.IDLE || arrival == BusyPolicy.Arrival.RETENTION_ELAPSED) {
            timers.passivate();
        }
        // Otherwise a flow that answered after its timeout: the fallback was sent already.
        return Effect().none();
    }

    private Effect<Object, EntityMemory<S>> onHandle(EntityMemory<S> memory, Handle handle) {
        EntityLogic.Decision<E, S> decision = logic.decide(memory, handle, context.getLog());
        if (decision instanceof EntityLogic.ReplyOnly<E, S> only) {
            handle.replyTo().tell(only.reply());
            return Effect().none();
        }
        if (decision instanceof EntityLogic.AnswerAgain<E, S> again) {
            storing = handle;
            return Effect().persist(again.entry()).thenRun(stored -> {
                storing = null;
                handle.replyTo().tell(again.entry().reply());
            });
        }
        EntityLogic.RunFlow<E, S> run = (EntityLogic.RunFlow<E, S>) decision;
        Optional<TimelineEntry> atOnce = flows.startFlow(run);
        inFlight = new InFlight(handle, run.working());
        return atOnce.map(this::answer).orElseGet(() -> Effect().none());
    }

    /** The flow works on an event, or a purge runs: what arrives meanwhile is for {@link BusyPolicy} to decide. */
    private Effect<Object, EntityMemory<S>> whileBusy(EntityMemory<S> memory, Command command) {
        BusyPolicy.Arrival arrival = command instanceof PurgeFinished
                ? BusyPolicy.Arrival.WORK_DONE
                : command instanceof Purge ? BusyPolicy.Arrival.PURGE : flows.arrival(command);
        switch (BusyPolicy.answer(arrival, stashed, logic.settings().stashCapacity(), stopWaiting)) {
            case HANDLE_NOW -> {
                return handleNow(memory, command);
            }
            case WAIT -> {
                stashed++;
                return Effect().stash();
            }
            case STOP_AFTER_WAITING -> {
                stopWaiting = true;
                return Effect().stash();
            }
            case SHED -> {
                Handle handle = (Handle) command;
                handle.replyTo().tell(logic.shed(handle.event(), stashed, context.getLog()));
            }
            case RESTART_RETENTION -> timers.startRetention();
            case DROP -> {}
        }
        return Effect().none();
    }

    /** What a busy entity handles at once: its flow's result, its purge's end, an inspection, a request's outcome. */
    private Effect<Object, EntityMemory<S>> handleNow(EntityMemory<S> memory, Command command) {
        if (command instanceof Inspect inspect) {
            return onInspect(memory, inspect);
        }
        if (command instanceof RequestSettled settled) {
            return onSettled(settled);
        }
        if (command instanceof PurgeFinished finished) {
            return onPurgeFinished(finished);
        }
        Handle current = inFlight.handle();
        return answer(flows.finished(command, current.event(), current.receivedAt()));
    }

    /** Stored at once, even while a flow works on a later event; a purge has forgotten the request. */
    private Effect<Object, EntityMemory<S>> onSettled(RequestSettled settled) {
        return purging ? Effect().none() : Effect().persist(settled);
    }

    /**
     * Stores the event with its reply and its flow's requests, then replies, issues the requests and takes the
     * events that waited, in their order.
     */
    private Effect<Object, EntityMemory<S>> answer(TimelineEntry entry) {
        Handle current = inFlight.handle();
        inFlight = null;
        storing = current;
        unstashing();
        return Effect()
                .persist(entry)
                .thenRun(stored -> {
                    storing = null;
                    current.replyTo().tell(entry.reply());
                    flows.issue(entry);
                    timers.restartIdleTimer();
                })
                .thenUnstashAll();
    }

    /** The stashed commands come back, in order; those that must wait again are counted again. */
    private void unstashing() {
        stashed = 0;
        stopWaiting = false;
    }

    private Effect<Object, EntityMemory<S>> onInspect(EntityMemory<S> memory, Inspect inspect) {
        inspect.replyTo().tell(inFlight != null ? inFlight.working().inspection() : memory.inspection());
        timers.inspected();
        return Effect().none();
    }

    private Effect<Object, EntityMemory<S>> onPurge(EntityMemory<S> memory, Purge purge) {
        boolean forgottenBefore = !memory.hasHistory() && lastSequenceNumber(context) > 0;
        if (!logic.ended(memory) && !forgottenBefore) {
            purge.replyTo().tell(PurgeOutcome.NOT_ENDED);
            return Effect().none();
        }
        purging = true;
        if (forgottenBefore) {
            // An earlier purge emptied the memory but failed to delete: delete now.
            startPurger(purge.replyTo());
            return Effect().none();
        }
        return Effect().persist(Forgotten.INSTANCE).thenRun(empty -> startPurger(purge.replyTo()));
    }

    private void startPurger(ActorRef<PurgeOutcome> replyTo) {
        Adapter.actorOf(context, JournalPurger.props(persistenceId().id(), context.getSelf(), replyTo));
    }

    private Effect<Object, EntityMemory<S>> onPurgeFinished(PurgeFinished finished) {
        purging = false;
        if (finished.failure() == null) {
            context.getLog().info("ended longer ago than the retention period: its events and snapshots are deleted");
            finished.replyTo().tell(PurgeOutcome.PURGED);
        } else {
            context.getLog()
                    .warn("could not delete its events and snapshots; a later sweep tries again", finished.failure());
            finished.replyTo().tell(PurgeOutcome.FAILED);
        }
        // Nothing is left to keep resident.
        timers.passivate();
        unstashing();
        return Effect().unstashAll();
    }

    /**
     * Deletes the journal of one persistence id up to its highest sequence number, and its snapshots: a classic
     * persistent actor with the entity's id that recovers nothing, because Akka Persistence Typed 2.6 has no
     * effect that deletes events on demand. Run only by the entity itself, while it stores nothing, so the
     * journal still has one writer at a time.
     */
    private static final class JournalPurger extends akka.persistence.AbstractPersistentActor {
        private final String persistenceId;
        private final ActorRef<Command> entity;
        private final ActorRef<PurgeOutcome> replyTo;
        private boolean messagesDeleted;
        private boolean snapshotsDeleted;

        private JournalPurger(String persistenceId, ActorRef<Command> entity, ActorRef<PurgeOutcome> replyTo) {
            this.persistenceId = persistenceId;
            this.entity = entity;
            this.replyTo = replyTo;
        }

        static akka.actor.Props props(String persistenceId, ActorRef<Command> entity, ActorRef<PurgeOutcome> replyTo) {
            return akka.actor.Props.create(
                    JournalPurger.class, () -> new JournalPurger(persistenceId, entity, replyTo));
        }

        @Override
        public String persistenceId() {
            return persistenceId;
        }

        @Override
        public akka.persistence.Recovery recovery() {
            return akka.persistence.Recovery.none();
        }

        @Override
        public Receive createReceiveRecover() {
            return receiveBuilder()
                    .match(akka.persistence.RecoveryCompleted.class, recovered -> {
                        deleteMessages(lastSequenceNr());
                        deleteSnapshots(
                                akka.persistence.SnapshotSelectionCriteria.create(lastSequenceNr(), Long.MAX_VALUE));
                    })
                    .build();
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder()
                    .match(akka.persistence.DeleteMessagesSuccess.class, deleted -> {
                        messagesDeleted = true;
                        finishOnceBothDone();
                    })
                    .match(akka.persistence.DeleteSnapshotsSuccess.class, deleted -> {
                        snapshotsDeleted = true;
                        finishOnceBothDone();
                    })
                    .match(akka.persistence.DeleteMessagesFailure.class, failed -> fail(failed.cause()))
                    .match(akka.persistence.DeleteSnapshotsFailure.class, failed -> fail(failed.cause()))
                    .build();
        }

        private void finishOnceBothDone() {
            if (messagesDeleted && snapshotsDeleted) {
                entity.tell(new PurgeFinished(replyTo, null));
                getContext().stop(getSelf());
            }
        }

        private void fail(Throwable cause) {
            entity.tell(new PurgeFinished(replyTo, cause));
            getContext().stop(getSelf());
        }
    }
}
