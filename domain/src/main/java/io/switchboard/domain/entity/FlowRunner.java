package io.switchboard.domain.entity;

import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.TimerScheduler;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.control.CallControlRequest;
import io.switchboard.domain.control.IssuedRequest;
import io.switchboard.domain.control.RequestOutcome;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.flow.FlowServices;
import io.switchboard.domain.flow.SideWork;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Runs an entity's flows, for both shells, around the decisions of {@link EntityLogic}: runs the flow off the
 * actor's thread (or on it, for one that says it does not block) and times it; turns its answer, failure or
 * timeout into the event's {@link TimelineEntry}; issues the call-control requests of an answered event (off the
 * actor's thread too, in the order the flow made them, each outcome coming back as a {@link RequestSettled}) and
 * starts its side work. Its messages ({@link FlowFinished}, {@link FlowTimedOut}) are its own: the shells see them
 * only as {@link BusyPolicy.Arrival}s.
 */
public final class FlowRunner<E extends VoiceEvent, S extends EntityState> {

    /** The flow of the event with this ticket answered (with the requests it made), or failed. */
    private record FlowFinished(long ticket, EntityLogic.FlowAnswer answer, Throwable failure)
            implements VoiceEntity.Command {
        /** What the flow asked of call control; none when it failed. */
        List<CallControlRequest> requests() {
            return answer == null ? List.of() : answer.requests();
        }
    }

    /** The flow of the event with this ticket took longer than the flow timeout. */
    private record FlowTimedOut(long ticket) implements VoiceEntity.Command {}

    private static final String FLOW_TIMER = "flow";

    private final ActorContext<VoiceEntity.Command> context;
    private final TimerScheduler<VoiceEntity.Command> timers;
    private final EntityLogic<E, S> logic;
    private final Executor flowExecutor;
    private final FlowServices services;
    private final EntityTimers entityTimers;

    /** The context of the flow at work; closed when its reply is decided. */
    private FlowContext flowContext;
    /** The side work of the entry just answered, started with its requests; not stored, so never restarted. */
    private List<SideWork> sideWorkOfAnswer = List.of();

    private long tickets;
    /** A flow runs whose result has not come yet: its ticket is the latest. */
    private boolean flowAtWork;

    /** @param entityTimers told when a flow starts, and whether its event ends the entity */
    public FlowRunner(
            ActorContext<VoiceEntity.Command> context,
            TimerScheduler<VoiceEntity.Command> timers,
            EntityLogic<E, S> logic,
            EntityWiring wiring,
            EntityTimers entityTimers) {
        this.context = context;
        this.timers = timers;
        this.logic = logic;
        this.flowExecutor = wiring.flowExecutor();
        this.services = wiring.services();
        this.entityTimers = entityTimers;
    }

    /**
     * Runs the flow on the event of {@code run}; an event that ends the call starts its retention. A flow that
     * answered by the time it returns (one that does not block answers on this very thread) is finished here, with
     * no message and no timer: its event's entry is returned. Otherwise it is timed, and its result comes later as
     * a message that {@link #arrival} calls {@link BusyPolicy.Arrival#WORK_DONE}, for {@link #finished}.
     */
    public Optional<TimelineEntry> startFlow(EntityLogic.RunFlow<E, S> run) {
        entityTimers.flowStarting(logic.ended(run.working()));
        long ticket = ++tickets;
        flowContext = new FlowContext(
                services, logic.rules().entityId(), run.working().flowData());
        long started = System.nanoTime();
        CompletableFuture<EntityLogic.FlowAnswer> answer =
                logic.runFlow(run, flowExecutor, flowContext).toCompletableFuture();
        if (!logic.mayBlock(run)) {
            reportIfOverBudget(run, System.nanoTime() - started);
        }
        if (answer.isDone()) {
            return Optional.of(answered(run.event(), run.receivedAt(), finishedAtOnce(ticket, answer)));
        }
        flowAtWork = true;
        context.pipeToSelf(answer, (answered, failure) -> new FlowFinished(ticket, answered, failure));
        timers.startSingleTimer(
                FLOW_TIMER, new FlowTimedOut(ticket), logic.settings().flowTimeout());
        return Optional.empty();
    }

    /**
     * What {@code command} is to an entity whose flow may be at work, for {@link BusyPolicy}: the journaled shell
     * names its own commands first.
     */
    public BusyPolicy.Arrival arrival(VoiceEntity.Command command) {
        if (command instanceof FlowFinished done) {
            return isCurrent(done.ticket()) ? BusyPolicy.Arrival.WORK_DONE : BusyPolicy.Arrival.STALE_RESULT;
        }
        if (command instanceof FlowTimedOut timeout) {
            return isCurrent(timeout.ticket()) ? BusyPolicy.Arrival.WORK_DONE : BusyPolicy.Arrival.STALE_RESULT;
        }
        if (command instanceof VoiceEntity.Handle) {
            return BusyPolicy.Arrival.EVENT;
        }
        if (command instanceof VoiceEntity.Redelivered) {
            return BusyPolicy.Arrival.REDELIVERY_RECORD;
        }
        if (command instanceof VoiceEntity.Inspect) {
            return BusyPolicy.Arrival.INSPECTION;
        }
        if (command instanceof RequestSettled) {
            return BusyPolicy.Arrival.REQUEST_SETTLED;
        }
        if (command == VoiceEntity.Stop.INSTANCE) {
            return BusyPolicy.Arrival.STOP;
        }
        if (command == EntityTimers.Idle.INSTANCE) {
            return BusyPolicy.Arrival.IDLE;
        }
        if (command == VoiceEntity.RetentionElapsed.INSTANCE) {
            return BusyPolicy.Arrival.RETENTION_ELAPSED;
        }
        throw new IllegalArgumentException("not an entity command: " + command);
    }

    /** Whether the flow of the event with this ticket is the one at work (not answered yet). */
    private boolean isCurrent(long ticket) {
        return flowAtWork && ticket == tickets;
    }

    /**
     * The entry of {@code event}, whose flow was at work, now {@code result} (the command {@link #arrival} called
     * {@link BusyPolicy.Arrival#WORK_DONE}) came: the flow's answer, or its timeout.
     */
    public TimelineEntry finished(VoiceEntity.Command result, VoiceEvent event, Instant receivedAt) {
        return result instanceof FlowFinished done ? answered(event, receivedAt, done) : timedOut(event, receivedAt);
    }

    private static FlowFinished finishedAtOnce(long ticket, CompletableFuture<EntityLogic.FlowAnswer> answer) {
        try {
            return new FlowFinished(ticket, answer.join(), null);
        } catch (CompletionException | CancellationException failure) {
            return new FlowFinished(ticket, null, failure);
        }
    }

    /** A flow that said it does not block held the entity's thread longer than it may: a bug in the flow. */
    private void reportIfOverBudget(EntityLogic.RunFlow<E, S> run, long tookNanos) {
        Duration took = Duration.ofNanos(tookNanos);
        if (took.compareTo(logic.settings().inlineFlowBudget()) > 0) {
            context.getLog()
                    .warn(
                            "the flow, which says it does not block, took {} ms on {} on the entity's thread"
                                    + " (budget {} ms): make it answer at once, or say it may block",
                            took.toMillis(),
                            logic.eventType(run),
                            logic.settings().inlineFlowBudget().toMillis());
        }
    }

    /**
     * The entry of {@code event} now its flow has finished: its reply, the requests the flow made and the data it
     * set (none when the flow failed, its data was refused or its document broke a rule: what a flow asks for goes
     * with its own reply only); its side work waits for {@link #issue}.
     */
    private TimelineEntry answered(VoiceEvent event, Instant receivedAt, FlowFinished done) {
        flowAtWork = false;
        timers.cancel(FLOW_TIMER);
        flowContext.close();
        Throwable failure = done.failure() != null ? done.failure() : flowContext.dataRefused();
        EventReply reply = logic.flowAnswered(
                event, done.answer() == null ? null : done.answer().response(), failure, context.getLog());
        boolean kept = reply.origin() == ReplyOrigin.FLOW;
        List<CallControlRequest> requests = kept ? done.requests() : List.of();
        if (requests.size() < done.requests().size()) {
            context.getLog()
                    .warn(
                            "the flow's {} call-control requests are dropped with its reply",
                            done.requests().size());
        }
        sideWorkOfAnswer = kept ? flowContext.sideWorkRequested() : dropped(flowContext.sideWorkRequested());
        return TimelineEntry.answered(event, receivedAt, reply, requests, kept ? flowContext.dataSet() : null);
    }

    /**
     * The entry of {@code event} now its flow has timed out: the fallback, and none of the flow's requests, data
     * or side work.
     */
    private TimelineEntry timedOut(VoiceEvent event, Instant receivedAt) {
        flowAtWork = false;
        List<CallControlRequest> dropped = flowContext.close();
        if (!dropped.isEmpty()) {
            context.getLog().warn("the late flow's {} call-control requests are dropped", dropped.size());
        }
        sideWorkOfAnswer = dropped(flowContext.sideWorkRequested());
        return new TimelineEntry(event, receivedAt, logic.flowTimedOut(event, context.getLog()));
    }

    private List<SideWork> dropped(List<SideWork> sideWork) {
        if (!sideWork.isEmpty()) {
            context.getLog()
                    .warn(
                            "the flow's side work {} is dropped with its reply",
                            sideWork.stream().map(SideWork::name).toList());
        }
        return List.of();
    }

    /**
     * Issues the requests of a stored (or, in memory, remembered) entry, one after the other in the flow's order,
     * on the flow executor; each outcome comes back to the entity as a {@link RequestSettled}. Starts the side work
     * of the event just answered too, which nothing waits for.
     */
    public void issue(TimelineEntry entry) {
        sideWorkOfAnswer.forEach(services.sideWork()::start);
        sideWorkOfAnswer = List.of();
        CompletionStage<?> previous = CompletableFuture.completedFuture(null);
        for (IssuedRequest issued : entry.requests()) {
            // The next request waits for this one's outcome, whatever it is.
            previous = send(issued, previous);
        }
    }

    /** Sends {@code issued} once {@code previous} is over; its outcome comes back to the entity. */
    private CompletionStage<?> send(IssuedRequest issued, CompletionStage<?> previous) {
        CompletionStage<?> sent =
                previous.thenComposeAsync(done -> issued.request().sendThrough(services.callControl()), flowExecutor);
        context.pipeToSelf(sent, (result, failure) -> settled(issued, result, failure));
        return sent.handleAsync((result, failure) -> null, Runnable::run);
    }

    private RequestSettled settled(IssuedRequest issued, Object result, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        RequestOutcome outcome = RequestOutcome.of(result, cause, Instant.now());
        if (outcome.status() == RequestOutcome.Status.SUCCEEDED) {
            context.getLog()
                    .info("{} succeeded {}", issued.request().operation(), Objects.toString(outcome.detail(), ""));
        } else {
            context.getLog().warn("{} {}: {}", issued.request().operation(), outcome.status(), outcome.detail());
        }
        return new RequestSettled(issued.id(), outcome);
    }
}
