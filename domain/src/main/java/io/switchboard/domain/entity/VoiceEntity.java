package io.switchboard.domain.entity;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.StashBuffer;
import akka.actor.typed.javadsl.TimerScheduler;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.verb.Response;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The in-memory actor shell shared by call and conference entities, over the decisions of {@link EntityLogic}.
 * It handles one event at a time, in arrival order: apply the event to the state, run the flow off the actor's
 * thread, reply, then take the next event. Events that arrive meanwhile wait in a bounded stash. A redelivered
 * event gets the reply it got before, without running the flow again. An entity that has ended stays for a
 * retention period, an idle one until its idle timeout; then it asks to be passivated. A flow's BXML that
 * breaks a rule of {@link io.switchboard.domain.verb.BxmlRules} for the event it answers is never sent: the
 * fallback goes instead, with a log line naming the rules. Its memory lives as long as the actor; the durable
 * shell in {@code application} keeps it in a journal instead.
 *
 * <p>Asked to stop while its flow works (the shard hands it to another node, or passivates it), the entity
 * first answers the event in flight and those waiting before the stop, so no webhook loses its reply.
 */
public final class VoiceEntity<E, S extends EntityState> {

    /**
     * The entity's protocol; {@link Handle}, {@link Inspect} and {@link Stop} are public, the rest are its own
     * timers and results.
     */
    public interface Command {
    }

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
     * Report the state and the recent events to {@code replyTo}, at once, even while a flow works. It does not
     * count as activity: an inspected entity passivates as if nobody had looked, and one that has answered no
     * event (started by this very inspection) asks to be passivated straight away.
     */
    public record Inspect(ActorRef<EntityInspection> replyTo) implements Command {
    }

    /** Stop: the message the shard sends once passivation was asked for, or to hand the entity over. */
    public enum Stop implements Command {
        INSTANCE
    }

    private record FlowFinished(long ticket, Response response, Throwable failure) implements Command {
    }

    private record FlowTimedOut(long ticket) implements Command {
    }

    private enum Idle implements Command {
        INSTANCE
    }

    private enum RetentionElapsed implements Command {
        INSTANCE
    }

    private static final String IDLE_TIMER = "idle";
    private static final String RETENTION_TIMER = "retention";
    private static final String FLOW_TIMER = "flow";

    private final ActorContext<Command> context;
    private final TimerScheduler<Command> timers;
    private final StashBuffer<Command> stash;
    private final EntityLogic<E, S> logic;
    private final Executor flowExecutor;
    private final EntitySettings settings;
    private final Consumer<ActorRef<Command>> requestPassivation;

    private EntityMemory<S> memory;
    private long tickets;
    private boolean retentionStarted;
    private boolean passivationRequested;

    private VoiceEntity(ActorContext<Command> context, TimerScheduler<Command> timers, StashBuffer<Command> stash,
                        EntityLogic<E, S> logic, Executor flowExecutor,
                        Consumer<ActorRef<Command>> requestPassivation) {
        this.context = context;
        this.timers = timers;
        this.stash = stash;
        this.logic = logic;
        this.flowExecutor = flowExecutor;
        this.settings = logic.settings();
        this.requestPassivation = requestPassivation;
        this.memory = logic.emptyMemory();
        context.setLoggerName(VoiceEntity.class);
    }

    /**
     * The behaviour of one entity.
     *
     * @param flowExecutor       where flows run: never the actor's own dispatcher
     * @param requestPassivation asks the owner (the shard) to stop this entity; it answers with {@link Stop}
     */
    public static <E, S extends EntityState> Behavior<Command> create(EntityRules<E, S> rules, Executor flowExecutor,
                                                 EntitySettings settings,
                                                 Consumer<ActorRef<Command>> requestPassivation) {
        EntityLogic<E, S> logic = new EntityLogic<>(rules, settings);
        // One slot more than the events may take: it is kept for the Stop that waits behind them.
        Behavior<Command> entity = Behaviors.withStash(settings.stashCapacity() + 1, stash ->
                Behaviors.setup(context -> Behaviors.withTimers(timers -> {
                    VoiceEntity<E, S> shell = new VoiceEntity<>(context, timers, stash, logic, flowExecutor,
                            requestPassivation);
                    shell.restartIdleTimer();
                    return shell.ready();
                })));
        return Behaviors.withMdc(Command.class, Map.of(rules.logKey(), rules.entityId()), entity);
    }

    /** Waiting for the next event. */
    private Behavior<Command> ready() {
        return Behaviors.receive(Command.class)
                .onMessage(Handle.class, this::onHandle)
                .onMessage(Inspect.class, this::onInspect)
                .onMessageEquals(Idle.INSTANCE, this::passivate)
                .onMessageEquals(RetentionElapsed.INSTANCE, this::passivate)
                .onMessageEquals(Stop.INSTANCE, Behaviors::stopped)
                // A flow that answered after its timeout: the fallback was sent already.
                .onMessage(FlowFinished.class, late -> Behaviors.same())
                .onMessage(FlowTimedOut.class, stale -> Behaviors.same())
                .build();
    }

    /** The flow is working on {@code current}; everything else waits. */
    private Behavior<Command> awaitingFlow(Handle current, long ticket, EntityMemory<S> working) {
        return Behaviors.receive(Command.class)
                .onMessage(FlowFinished.class, done -> done.ticket() == ticket,
                        done -> replyAndContinue(current, logic.flowAnswered(current.event(), done.response(),
                                done.failure(), context.getLog())))
                .onMessage(FlowTimedOut.class, timeout -> timeout.ticket() == ticket,
                        timeout -> replyAndContinue(current, logic.flowTimedOut(current.event(), context.getLog())))
                .onMessage(FlowFinished.class, late -> Behaviors.same())
                .onMessage(FlowTimedOut.class, stale -> Behaviors.same())
                .onMessage(Inspect.class, inspect -> {
                    inspect.replyTo().tell(working.inspection());
                    return Behaviors.same();
                })
                // The shard holds newer events until the entity has stopped; those that reached it first are
                // answered before it does.
                .onMessageEquals(Stop.INSTANCE, this::stopOnceAnswered)
                // The entity is busy, not idle; the idle timer restarts after the reply. Stashed, this stale
                // timeout would passivate the entity right after the event it just served.
                .onMessageEquals(Idle.INSTANCE, Behaviors::same)
                .onMessage(Handle.class, this::stashOrShed)
                // Timers that fire while the flow works are handled once it is done.
                .onMessage(Command.class, this::stashOrShed)
                .build();
    }

    private Behavior<Command> onHandle(Handle handle) {
        EntityLogic.Decision<E, S> decision = logic.decide(memory, handle.event(), handle.receivedAt(),
                context.getLog());
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
        if (logic.ended(run.working()) && !retentionStarted) {
            startRetention();
        }
        long ticket = ++tickets;
        context.pipeToSelf(logic.runFlow(run, flowExecutor),
                (response, failure) -> new FlowFinished(ticket, response, failure));
        timers.startSingleTimer(FLOW_TIMER, new FlowTimedOut(ticket), settings.flowTimeout());
        return awaitingFlow(handle, ticket, run.working());
    }

    private Behavior<Command> replyAndContinue(Handle current, EventReply reply) {
        timers.cancel(FLOW_TIMER);
        memory = logic.after(memory, new TimelineEntry(current.event(), current.receivedAt(), reply));
        current.replyTo().tell(reply);
        restartIdleTimer();
        return stash.unstashAll(ready());
    }

    private Behavior<Command> onInspect(Inspect inspect) {
        inspect.replyTo().tell(memory.inspection());
        // Nothing ever reached the flow: this entity exists only because it was inspected.
        return tickets == 0 ? passivate() : Behaviors.same();
    }

    /**
     * Waits behind the events that came before it, in the slot kept for it. It comes back here when unstashed
     * while another of those events is worked on; a second Stop while one waits changes nothing.
     */
    private Behavior<Command> stopOnceAnswered() {
        if (!stash.contains(Stop.INSTANCE)) {
            stash.stash(Stop.INSTANCE);
        }
        return Behaviors.same();
    }

    private Behavior<Command> stashOrShed(Command command) {
        if (stash.size() < settings.stashCapacity()) {
            stash.stash(command);
        } else if (command instanceof Handle handle) {
            handle.replyTo().tell(logic.shed(handle.event(), stash.size(), context.getLog()));
        }
        // A timer that cannot wait is dropped: the idle timer is restarted after every reply, and an ended
        // entity asks for passivation again when its retention timer is restarted below.
        else if (command == RetentionElapsed.INSTANCE) {
            startRetention();
        }
        return Behaviors.same();
    }

    private void startRetention() {
        retentionStarted = true;
        timers.cancel(IDLE_TIMER);
        timers.startSingleTimer(RETENTION_TIMER, RetentionElapsed.INSTANCE, settings.retentionAfterEnd());
    }

    private void restartIdleTimer() {
        if (!retentionStarted) {
            timers.startSingleTimer(IDLE_TIMER, Idle.INSTANCE, settings.idleTimeout());
        }
    }

    private Behavior<Command> passivate() {
        if (!passivationRequested) {
            passivationRequested = true;
            context.getLog().debug("passivating");
            requestPassivation.accept(context.getSelf());
        }
        return Behaviors.same();
    }
}
