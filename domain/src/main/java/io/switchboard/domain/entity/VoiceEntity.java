package io.switchboard.domain.entity;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.StashBuffer;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.control.CallControl;
import io.switchboard.domain.flow.FlowServices;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.MDC;

/**
 * The in-memory actor shell shared by call and conference entities, over the decisions of {@link EntityLogic}.
 * It handles one event at a time, in arrival order: apply the event to the state, run the flow off the actor's
 * thread, reply, then take the next event. Events that arrive meanwhile wait in a bounded stash. A redelivered
 * event gets the reply it got before, without running the flow again. An entity that has ended stays for a
 * retention period, an idle one until its idle timeout; then it asks to be passivated. A flow's BXML that
 * breaks a rule of {@link io.switchboard.domain.verb.BxmlRules} for the event it answers is never sent: the
 * fallback goes instead, with a log line naming the rules. Its memory lives as long as the actor, or, given a
 * {@link ParkingSpot}, also between the actor's stop and its next start (an idle call need not be an actor); the durable
 * shell in {@code application} keeps it in a journal instead.
 *
 * <p>Asked to stop while its flow works (the shard hands it to another node, or passivates it), the entity
 * first answers the event in flight and those waiting before the stop, so no webhook loses its reply.
 */
public final class VoiceEntity<E extends VoiceEvent, S extends EntityState> {

    /**
     * The entity's protocol; {@link Handle}, {@link Inspect} and {@link Stop} are public, the rest are its own
     * timers and results.
     */
    public interface Command {}

    /**
     * Handle {@code event} and send the reply to {@code replyTo}.
     *
     * @param receivedAt when the service received the event; its timeline shows it
     */
    public record Handle(VoiceEvent event, ActorRef<EventReply> replyTo, Instant receivedAt) implements Command {
        /** An event received now. */
        public Handle(VoiceEvent event, ActorRef<EventReply> replyTo) {
            this(event, replyTo, Instant.now());
        }
    }

    /**
     * {@code event} came again and was answered already, with the reply its entity gave before, by whoever kept
     * that reply (the node that received it): the entity only records it on its timeline, as if it had answered it.
     * An entity that does not know the event (it forgot it, or started since) leaves it at that: it was answered.
     */
    public record Redelivered(VoiceEvent event, Instant receivedAt) implements Command {}

    /**
     * Report the state and the recent events to {@code replyTo}, at once, even while a flow works. It does not
     * count as activity: an inspected entity passivates as if nobody had looked, and one that has answered no
     * event (started by this very inspection) asks to be passivated straight away.
     */
    public record Inspect(ActorRef<EntityInspection> replyTo) implements Command {}

    /** Stop: the message the shard sends once passivation was asked for, or to hand the entity over. */
    public enum Stop implements Command {
        INSTANCE
    }

    private final ActorContext<Command> context;
    private final StashBuffer<Command> stash;
    private final EntityLogic<E, S> logic;
    private final EntityChores<E, S> chores;
    private final ParkingSpot<S> parking;
    /** Built once: every idle entity holds its waiting behaviour, so it is one small object, not a builder's. */
    private final Behavior<Command> ready;

    private EntityMemory<S> memory;
    /** Its idle timeout or retention has passed: what it remembers is let go when it stops, not parked. */
    private boolean timeUp;

    private VoiceEntity(
            ActorContext<Command> context,
            StashBuffer<Command> stash,
            EntityLogic<E, S> logic,
            EntityChores<E, S> chores,
            ParkingSpot<S> parking) {
        this.context = context;
        this.stash = stash;
        this.logic = logic;
        this.chores = chores;
        this.parking = parking;
        this.memory = parking.takeBack().orElseGet(logic::emptyMemory);
        this.ready = Behaviors.receiveMessage(command -> withEntityMdc(command, this::whenReady));
        context.setLoggerName(VoiceEntity.class);
    }

    /**
     * The behaviour of one entity.
     *
     * @param flowExecutor       where flows run: never the actor's own dispatcher
     * @param requestPassivation asks the owner (the shard) to stop this entity; it answers with {@link Stop}
     */
    public static <E extends VoiceEvent, S extends EntityState> Behavior<Command> create(
            EntityRules<E, S> rules,
            Executor flowExecutor,
            EntitySettings settings,
            Consumer<ActorRef<Command>> requestPassivation) {
        return create(rules, flowExecutor, CallControl.unavailable(), settings, requestPassivation);
    }

    /**
     * The behaviour of one entity whose flows steer calls through {@code callControl}.
     *
     * @param flowExecutor       where flows run and their requests are issued: never the actor's own dispatcher
     * @param requestPassivation asks the owner (the shard) to stop this entity; it answers with {@link Stop}
     */
    public static <E extends VoiceEvent, S extends EntityState> Behavior<Command> create(
            EntityRules<E, S> rules,
            Executor flowExecutor,
            CallControl callControl,
            EntitySettings settings,
            Consumer<ActorRef<Command>> requestPassivation) {
        return create(rules, flowExecutor, FlowServices.of(callControl), settings, requestPassivation);
    }

    /**
     * The behaviour of one entity whose flows have {@code services}: call control, flow data, side work.
     *
     * @param flowExecutor       where flows run and their requests are issued: never the actor's own dispatcher
     * @param requestPassivation asks the owner (the shard) to stop this entity; it answers with {@link Stop}
     */
    public static <E extends VoiceEvent, S extends EntityState> Behavior<Command> create(
            EntityRules<E, S> rules,
            Executor flowExecutor,
            FlowServices services,
            EntitySettings settings,
            Consumer<ActorRef<Command>> requestPassivation) {
        return create(rules, flowExecutor, services, settings, requestPassivation, self -> {});
    }

    /**
     * The same, telling its owner when it has ended: it then stays only for its retention, and leaves sooner when
     * the owner sends it {@link EntityChores.RetentionElapsed} (memory admission making room for a new call).
     *
     * @param retentionStarted told once per incarnation, with the entity, when its retention after the end starts
     */
    public static <E extends VoiceEvent, S extends EntityState> Behavior<Command> create(
            EntityRules<E, S> rules,
            Executor flowExecutor,
            FlowServices services,
            EntitySettings settings,
            Consumer<ActorRef<Command>> requestPassivation,
            Consumer<ActorRef<Command>> retentionStarted) {
        return create(
                rules, flowExecutor, services, settings, requestPassivation, retentionStarted, ParkingSpot.none());
    }

    /**
     * The same, parking its memory in {@code parking} whenever its owner stops it (unless its idle timeout or
     * retention is up), and taking it back when it starts again. A spot that {@link ParkingSpot#parks() parks}
     * means the entity keeps no idle timer: its owner stops it once idle (sharding's idle passivation), and the
     * parked memory expires on the idle timeout.
     *
     * @param flowExecutor       where flows run and their requests are issued: never the actor's own dispatcher
     * @param requestPassivation asks the owner (the shard) to stop this entity; it answers with {@link Stop}
     * @param retentionStarted   told once per incarnation, with the entity, when its retention after the end starts
     */
    public static <E extends VoiceEvent, S extends EntityState> Behavior<Command> create(
            EntityRules<E, S> rules,
            Executor flowExecutor,
            FlowServices services,
            EntitySettings settings,
            Consumer<ActorRef<Command>> requestPassivation,
            Consumer<ActorRef<Command>> retentionStarted,
            ParkingSpot<S> parking) {
        EntityLogic<E, S> logic = new EntityLogic<>(rules, settings);
        // One slot more than the events may take: it is kept for the Stop that waits behind them.
        return Behaviors.withStash(
                settings.stashCapacity() + 1,
                stash -> Behaviors.setup(context -> Behaviors.withTimers(timers -> {
                    EntityChores<E, S> chores = new EntityChores<>(
                            context,
                            timers,
                            logic,
                            flowExecutor,
                            services,
                            requestPassivation,
                            retentionStarted,
                            !parking.parks());
                    chores.restartIdleTimer();
                    return new VoiceEntity<>(context, stash, logic, chores, parking).ready;
                })));
    }

    /**
     * Every log line about a command names the call or conference. Put around each message rather than with a
     * {@code Behaviors.withMdc} interceptor, which every idle entity would carry.
     */
    private Behavior<Command> withEntityMdc(Command command, Function<Command, Behavior<Command>> handler) {
        try (var mdc = MDC.putCloseable(logic.rules().logKey(), logic.rules().entityId())) {
            return handler.apply(command);
        }
    }

    /** Waiting for the next event. */
    private Behavior<Command> whenReady(Command command) {
        if (command instanceof Handle handle) {
            return onHandle(handle);
        }
        if (command instanceof Inspect inspect) {
            return onInspect(inspect);
        }
        if (command instanceof Redelivered redelivered) {
            logic.redeliveryEntry(memory, redelivered.event(), redelivered.receivedAt(), context.getLog())
                    .ifPresent(entry -> memory = logic.after(memory, entry));
            return Behaviors.same();
        }
        if (command instanceof RequestSettled settled) {
            memory = logic.after(memory, settled);
            return Behaviors.same();
        }
        if (command == EntityChores.Idle.INSTANCE || command == EntityChores.RetentionElapsed.INSTANCE) {
            timeUp = true;
            chores.passivate();
        } else if (command == Stop.INSTANCE) {
            if (!timeUp && memory.hasHistory()) {
                parking.park(memory, logic.ended(memory));
            }
            return Behaviors.stopped();
        }
        // Otherwise a flow that answered after its timeout: the fallback was sent already.
        return Behaviors.same();
    }

    /** The flow is working on {@code current}; what arrives meanwhile is for {@link BusyPolicy} to decide. */
    private Behavior<Command> awaitingFlow(Handle current, EntityMemory<S> working) {
        return Behaviors.receiveMessage(
                command -> withEntityMdc(command, message -> whileWorking(message, current, working)));
    }

    private Behavior<Command> whileWorking(Command command, Handle current, EntityMemory<S> working) {
        // The stash keeps one slot more than the events may take, for the Stop that waits behind them.
        boolean stopQueued = command == Stop.INSTANCE && stash.contains(Stop.INSTANCE);
        switch (BusyPolicy.answer(
                chores.arrival(command), stash.size(), logic.settings().stashCapacity(), stopQueued)) {
            case HANDLE_NOW -> {
                return handleNow(command, current, working);
            }
            case WAIT, STOP_AFTER_WAITING -> stash.stash(command);
            case SHED -> {
                Handle handle = (Handle) command;
                handle.replyTo().tell(logic.shed(handle.event(), stash.size(), context.getLog()));
            }
            case RESTART_RETENTION -> chores.startRetention();
            case DROP -> {}
        }
        return Behaviors.same();
    }

    /** What a busy entity handles at once: its flow's result, an inspection, a request's outcome. */
    private Behavior<Command> handleNow(Command command, Handle current, EntityMemory<S> working) {
        if (command instanceof Inspect inspect) {
            inspect.replyTo().tell(working.inspection());
            return Behaviors.same();
        }
        if (command instanceof RequestSettled settled) {
            // An earlier event's request: its outcome is kept at once, the event at work is not held up by it.
            memory = logic.after(memory, settled);
            return Behaviors.same();
        }
        return replyAndContinue(current, chores.finished(command, current.event(), current.receivedAt()));
    }

    private Behavior<Command> onHandle(Handle handle) {
        EntityLogic.Decision<E, S> decision =
                logic.decide(memory, handle.event(), handle.receivedAt(), context.getLog());
        if (decision instanceof EntityLogic.Refuse<E, S> refuse) {
            handle.replyTo().tell(refuse.reply());
            return Behaviors.same();
        }
        if (decision instanceof EntityLogic.AnswerAgain<E, S> again) {
            memory = logic.after(memory, again.entry());
            handle.replyTo().tell(again.entry().reply());
            return Behaviors.same();
        }
        EntityLogic.RunFlow<E, S> run = (EntityLogic.RunFlow<E, S>) decision;
        Optional<TimelineEntry> atOnce = chores.startFlow(run);
        if (atOnce.isPresent()) {
            // Still ready: nothing waited meanwhile (what is stashed now belongs to the unstashing under way).
            reply(handle, atOnce.get());
            return Behaviors.same();
        }
        return awaitingFlow(handle, run.working());
    }

    /** Replies, then takes the events that waited for the flow, in their order. */
    private Behavior<Command> replyAndContinue(Handle current, TimelineEntry entry) {
        reply(current, entry);
        return stash.unstashAll(ready);
    }

    /** Remembers the entry, replies, then issues the flow's requests: they follow the reply, never precede it. */
    private void reply(Handle current, TimelineEntry entry) {
        memory = logic.after(memory, entry);
        current.replyTo().tell(entry.reply());
        chores.issue(entry);
        chores.restartIdleTimer();
    }

    private Behavior<Command> onInspect(Inspect inspect) {
        inspect.replyTo().tell(memory.inspection());
        chores.inspected();
        return Behaviors.same();
    }
}
