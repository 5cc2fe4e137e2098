package io.switchboard.domain.entity;

import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.StashBuffer;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.VoiceEntity.Command;
import io.switchboard.domain.entity.VoiceEntity.Handle;
import io.switchboard.domain.entity.VoiceEntity.Inspect;
import io.switchboard.domain.entity.VoiceEntity.Redelivered;
import io.switchboard.domain.entity.VoiceEntity.RetentionElapsed;
import io.switchboard.domain.entity.VoiceEntity.Stop;
import java.util.Optional;
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
 * {@link ParkingSpot}, also between the actor's stop and its next start (an idle call need not be an actor); the
 * journaled shell in {@code application} keeps it in a journal instead. Its protocol is {@link VoiceEntity}'s.
 *
 * <p>Asked to stop while its flow works (the shard hands it to another node, or passivates it), the entity
 * first answers the event in flight and those waiting before the stop, so no webhook loses its reply.
 */
public final class InMemoryVoiceEntity<E extends VoiceEvent, S extends EntityState> {

    private final ActorContext<Command> context;
    private final StashBuffer<Command> stash;
    private final EntityLogic<E, S> logic;
    private final FlowRunner<E, S> flows;
    private final EntityTimers timers;
    private final ParkingSpot<S> parking;
    /** Built once: every idle entity holds its waiting behaviour, so it is one small object, not a builder's. */
    private final Behavior<Command> ready;

    private EntityMemory<S> memory;
    /** Its idle timeout or retention has passed: what it remembers is let go when it stops, not parked. */
    private boolean timeUp;

    private InMemoryVoiceEntity(
            ActorContext<Command> context,
            StashBuffer<Command> stash,
            EntityLogic<E, S> logic,
            FlowRunner<E, S> flows,
            EntityTimers timers,
            ParkingSpot<S> parking) {
        this.context = context;
        this.stash = stash;
        this.logic = logic;
        this.flows = flows;
        this.timers = timers;
        this.parking = parking;
        this.memory = parking.takeBack().orElseGet(logic::emptyMemory);
        if (logic.ended(memory)) {
            timers.resumedAfterEnd();
        }
        this.ready = Behaviors.receiveMessage(command -> withEntityMdc(command, this::whenReady));
        context.setLoggerName(InMemoryVoiceEntity.class);
    }

    /** The behaviour of one entity that forgets its memory when it stops. */
    public static <E extends VoiceEvent, S extends EntityState> Behavior<Command> create(
            EntityRules<E, S> rules, EntityWiring wiring) {
        return create(rules, wiring, ParkingSpot.none());
    }

    /**
     * The behaviour of one entity that parks its memory in {@code parking} whenever its owner stops it (unless its
     * idle timeout or retention is up), and takes it back when it starts again. A spot that
     * {@link ParkingSpot#parks() parks} means the entity keeps no timer: its owner stops it once idle (sharding's
     * idle passivation), and the parked memory expires on the idle timeout; an ended one asks to stop at once, and
     * its parked memory expires on the retention after the end.
     */
    public static <E extends VoiceEvent, S extends EntityState> Behavior<Command> create(
            EntityRules<E, S> rules, EntityWiring wiring, ParkingSpot<S> parking) {
        EntityLogic<E, S> logic = new EntityLogic<>(rules, wiring.settings());
        // One slot more than the events may take: it is kept for the Stop that waits behind them.
        return Behaviors.withStash(
                wiring.settings().stashCapacity() + 1,
                stash -> Behaviors.setup(context -> Behaviors.withTimers(scheduler -> {
                    EntityTimers timers = new EntityTimers(context, scheduler, wiring, parking.parks());
                    FlowRunner<E, S> flows = new FlowRunner<>(context, scheduler, logic, wiring, timers);
                    timers.restartIdleTimer();
                    return new InMemoryVoiceEntity<>(context, stash, logic, flows, timers, parking).ready;
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
        if (command == EntityTimers.Idle.INSTANCE || command == RetentionElapsed.INSTANCE) {
            timeUp = true;
            timers.passivate();
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
                flows.arrival(command), stash.size(), logic.settings().stashCapacity(), stopQueued)) {
            case HANDLE_NOW -> {
                return handleNow(command, current, working);
            }
            case WAIT, STOP_AFTER_WAITING -> stash.stash(command);
            case SHED -> {
                Handle handle = (Handle) command;
                handle.replyTo().tell(logic.shed(handle.event(), stash.size(), context.getLog()));
            }
            case RESTART_RETENTION -> timers.startRetention();
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
        return replyAndContinue(current, flows.finished(command, current.event(), current.receivedAt()));
    }

    private Behavior<Command> onHandle(Handle handle) {
        EntityLogic.Decision<E, S> decision = logic.decide(memory, handle, context.getLog());
        if (decision instanceof EntityLogic.ReplyOnly<E, S> only) {
            handle.replyTo().tell(only.reply());
            return Behaviors.same();
        }
        if (decision instanceof EntityLogic.AnswerAgain<E, S> again) {
            memory = logic.after(memory, again.entry());
            handle.replyTo().tell(again.entry().reply());
            return Behaviors.same();
        }
        EntityLogic.RunFlow<E, S> run = (EntityLogic.RunFlow<E, S>) decision;
        Optional<TimelineEntry> atOnce = flows.startFlow(run);
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
        flows.issue(entry);
        timers.restartIdleTimer();
    }

    private Behavior<Command> onInspect(Inspect inspect) {
        inspect.replyTo().tell(memory.inspection());
        timers.inspected();
        return Behaviors.same();
    }
}
