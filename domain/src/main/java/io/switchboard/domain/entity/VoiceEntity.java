package io.switchboard.domain.entity;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.StashBuffer;
import akka.actor.typed.javadsl.TimerScheduler;
import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.verb.BxmlRules;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.ReplyContext;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.RuleViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The actor shell shared by call and conference entities. It handles one event at a time, in arrival order:
 * apply the event to the state, run the flow off the actor's thread, reply, then take the next event. Events
 * that arrive meanwhile wait in a bounded stash. A redelivered event gets the reply it got before, without
 * running the flow again. An entity that has ended stays for a retention period, an idle one until its idle
 * timeout; then it asks to be passivated. A flow's BXML that breaks a rule of {@link BxmlRules} for the event
 * it answers is never sent: the fallback goes instead, with a log line naming the rules.
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
    private final EntityRules<E, S> rules;
    private final Executor flowExecutor;
    private final EntitySettings settings;
    private final Consumer<ActorRef<Command>> requestPassivation;
    private final RecentReplies recentReplies;

    private S state;
    private long tickets;
    private boolean retentionStarted;
    private boolean passivationRequested;

    private VoiceEntity(ActorContext<Command> context, TimerScheduler<Command> timers, StashBuffer<Command> stash,
                        EntityRules<E, S> rules, Executor flowExecutor, EntitySettings settings,
                        Consumer<ActorRef<Command>> requestPassivation) {
        this.context = context;
        this.timers = timers;
        this.stash = stash;
        this.rules = rules;
        this.flowExecutor = flowExecutor;
        this.settings = settings;
        this.requestPassivation = requestPassivation;
        this.recentReplies = new RecentReplies(settings.rememberedReplies());
        this.state = rules.initialState().get();
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
        // One slot more than the events may take: it is kept for the Stop that waits behind them.
        Behavior<Command> entity = Behaviors.withStash(settings.stashCapacity() + 1, stash ->
                Behaviors.setup(context -> Behaviors.withTimers(timers -> {
                    VoiceEntity<E, S> shell = new VoiceEntity<>(context, timers, stash, rules, flowExecutor,
                            settings, requestPassivation);
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
    private Behavior<Command> awaitingFlow(Handle current, long ticket) {
        return Behaviors.receive(Command.class)
                .onMessage(FlowFinished.class, done -> done.ticket() == ticket,
                        done -> onFlowFinished(current, done))
                .onMessage(FlowTimedOut.class, timeout -> timeout.ticket() == ticket,
                        timeout -> onFlowTimedOut(current))
                .onMessage(FlowFinished.class, late -> Behaviors.same())
                .onMessage(FlowTimedOut.class, stale -> Behaviors.same())
                .onMessage(Inspect.class, inspect -> onInspectWhileWorking(inspect, current))
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

    @SuppressWarnings("unchecked")
    private Behavior<Command> onHandle(Handle handle) {
        VoiceEvent event = handle.event();
        // An event of another kind, or of another call or conference, is a wiring bug; applying it would throw.
        if (!rules.eventClass().isInstance(event) || !rules.entityId().equals(event.entityId())) {
            context.getLog().error("{} event of {} misrouted to this entity", event.eventType(), event.entityId());
            handle.replyTo().tell(settings.fallback().replyTo(event, ReplyOrigin.MISROUTED));
            return Behaviors.same();
        }
        var earlier = recentReplies.replyGivenTo(event);
        if (earlier.isPresent()) {
            context.getLog().debug("{} redelivered; answering as before", event.eventType());
            EventReply again = earlier.get().asRedelivery();
            recentReplies.remember(new TimelineEntry(event, handle.receivedAt(), again));
            handle.replyTo().tell(again);
            return Behaviors.same();
        }
        E typed = (E) event;
        state = rules.transition().apply(state, typed);
        if (rules.ended().test(state) && !retentionStarted) {
            retentionStarted = true;
            timers.cancel(IDLE_TIMER);
            timers.startSingleTimer(RETENTION_TIMER, RetentionElapsed.INSTANCE, settings.retentionAfterEnd());
        }
        long ticket = ++tickets;
        S stateAfterEvent = state;
        CompletionStage<Response> reply = CompletableFuture
                .supplyAsync(() -> rules.flowCall().apply(typed, stateAfterEvent), flowExecutor)
                .thenCompose(VoiceEntity::resolve);
        context.pipeToSelf(reply, (response, failure) -> new FlowFinished(ticket, response, failure));
        timers.startSingleTimer(FLOW_TIMER, new FlowTimedOut(ticket), settings.flowTimeout());
        return awaitingFlow(handle, ticket);
    }

    private static CompletionStage<Response> resolve(Reply reply) {
        if (reply instanceof Response response) {
            return CompletableFuture.completedFuture(response);
        }
        if (reply instanceof Reply.Later later) {
            return later.response();
        }
        return CompletableFuture.completedFuture(null);
    }

    private Behavior<Command> onFlowFinished(Handle current, FlowFinished done) {
        timers.cancel(FLOW_TIMER);
        VoiceEvent event = current.event();
        EventReply reply;
        if (done.failure() != null) {
            context.getLog().error("flow failed on {}; sending the fallback", event.eventType(), done.failure());
            reply = settings.fallback().replyTo(event, ReplyOrigin.FLOW_FAILED);
        } else {
            reply = checked(current, documentFor(event, done.response()));
        }
        return replyAndContinue(current, reply);
    }

    /** The flow's document if it keeps the rules for the event it answers, else the fallback. */
    @SuppressWarnings("unchecked")
    private EventReply checked(Handle current, Response document) {
        if (document == null) {
            return new EventReply(null, ReplyOrigin.FLOW);
        }
        ReplyContext replyContext = rules.replyContext().apply((E) current.event());
        List<RuleViolation> violations = BxmlRules.check(document, replyContext);
        if (violations.isEmpty()) {
            return new EventReply(document, ReplyOrigin.FLOW);
        }
        context.getLog().error("flow answered {} with BXML that breaks {}; sending the fallback: {}",
                current.event().eventType(),
                violations.stream().map(RuleViolation::rule).distinct().toList(), violations);
        EventReply fallback = settings.fallback().replyTo(current.event(), ReplyOrigin.INVALID_BXML);
        if (fallback.response() != null && !BxmlRules.allows(fallback.response(), replyContext)) {
            // The configured fallback may itself be wrong here (a transfer answering a transferAnswer).
            context.getLog().error("the fallback breaks {} too; answering {} with an empty response",
                    BxmlRules.check(fallback.response(), replyContext), current.event().eventType());
            return new EventReply(Response.empty(), ReplyOrigin.INVALID_BXML);
        }
        return fallback;
    }

    /**
     * The document to send: an executed call event always gets one (no answer means an empty one, a hang-up);
     * an event whose reply is ignored never does.
     */
    private static Response documentFor(VoiceEvent event, Response fromFlow) {
        ReplyExpectation expectation = event.replyExpectation();
        if (!expectation.allowsBxml()) {
            return null;
        }
        if (fromFlow == null && expectation == ReplyExpectation.EXECUTED) {
            return Response.empty();
        }
        return fromFlow;
    }

    private Behavior<Command> onFlowTimedOut(Handle current) {
        context.getLog().warn("flow took longer than {} on {}; sending the fallback",
                settings.flowTimeout(), current.event().eventType());
        return replyAndContinue(current, settings.fallback().replyTo(current.event(), ReplyOrigin.FLOW_TIMED_OUT));
    }

    private Behavior<Command> replyAndContinue(Handle current, EventReply reply) {
        recentReplies.remember(new TimelineEntry(current.event(), current.receivedAt(), reply));
        current.replyTo().tell(reply);
        restartIdleTimer();
        return stash.unstashAll(ready());
    }

    private Behavior<Command> onInspect(Inspect inspect) {
        inspect.replyTo().tell(new EntityInspection(state, recentReplies.timeline()));
        // Nothing ever reached the flow: this entity exists only because it was inspected.
        return tickets == 0 ? passivate() : Behaviors.same();
    }

    private Behavior<Command> onInspectWhileWorking(Inspect inspect, Handle current) {
        List<TimelineEntry> timeline = new ArrayList<>(recentReplies.timeline());
        timeline.add(TimelineEntry.pending(current.event(), current.receivedAt()));
        inspect.replyTo().tell(new EntityInspection(state, timeline));
        return Behaviors.same();
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
            context.getLog().warn("{} events already waiting; shedding {}",
                    stash.size(), handle.event().eventType());
            handle.replyTo().tell(settings.fallback().replyTo(handle.event(), ReplyOrigin.OVERLOADED));
        }
        // A timer that cannot wait is dropped: the idle timer is restarted after every reply, and an ended
        // entity asks for passivation again when its retention timer is restarted below.
        else if (command == RetentionElapsed.INSTANCE) {
            timers.startSingleTimer(RETENTION_TIMER, RetentionElapsed.INSTANCE, settings.retentionAfterEnd());
        }
        return Behaviors.same();
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
