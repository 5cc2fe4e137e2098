package io.switchboard.domain.entity;

import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.TimerScheduler;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.verb.Response;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What both entity shells do alike around the decisions of {@link EntityLogic}: run the flow off the actor's
 * thread and time it, keep the idle and retention timers, and ask the owner, once, to passivate the entity. Its
 * messages are the shells' own (timers and piped results); nothing else sends them.
 */
public final class EntityChores<E, S extends EntityState> {

    /** The flow of the event with this ticket answered, or failed. */
    public record FlowFinished(long ticket, Response response, Throwable failure) implements VoiceEntity.Command {}

    /** The flow of the event with this ticket took longer than the flow timeout. */
    public record FlowTimedOut(long ticket) implements VoiceEntity.Command {}

    /** No event for the idle timeout. */
    public enum Idle implements VoiceEntity.Command {
        INSTANCE
    }

    /** The retention after the end has passed. */
    public enum RetentionElapsed implements VoiceEntity.Command {
        INSTANCE
    }

    private static final String IDLE_TIMER = "idle";
    private static final String RETENTION_TIMER = "retention";
    private static final String FLOW_TIMER = "flow";

    private final ActorContext<VoiceEntity.Command> context;
    private final TimerScheduler<VoiceEntity.Command> timers;
    private final EntityLogic<E, S> logic;
    private final Executor flowExecutor;
    private final Consumer<ActorRef<VoiceEntity.Command>> requestPassivation;

    private long tickets;
    private boolean retentionStarted;
    private boolean passivationRequested;

    /**
     * @param flowExecutor       where flows run: never the actor's own dispatcher
     * @param requestPassivation asks the owner (the shard) to stop this entity; it answers with
     *                           {@link VoiceEntity.Stop}
     */
    public EntityChores(
            ActorContext<VoiceEntity.Command> context,
            TimerScheduler<VoiceEntity.Command> timers,
            EntityLogic<E, S> logic,
            Executor flowExecutor,
            Consumer<ActorRef<VoiceEntity.Command>> requestPassivation) {
        this.context = context;
        this.timers = timers;
        this.logic = logic;
        this.flowExecutor = flowExecutor;
        this.requestPassivation = requestPassivation;
    }

    /**
     * Runs the flow on the event of {@code run}, and times it; an event that ends the call starts its retention.
     * Returns the ticket its {@link FlowFinished} or {@link FlowTimedOut} carries.
     */
    public long startFlow(EntityLogic.RunFlow<E, S> run) {
        if (logic.ended(run.working()) && !retentionStarted) {
            startRetention();
        }
        long ticket = ++tickets;
        context.pipeToSelf(
                logic.runFlow(run, flowExecutor), (response, failure) -> new FlowFinished(ticket, response, failure));
        timers.startSingleTimer(
                FLOW_TIMER, new FlowTimedOut(ticket), logic.settings().flowTimeout());
        return ticket;
    }

    /** The reply to {@code event} now its flow has finished. */
    public EventReply replyTo(VoiceEvent event, FlowFinished done) {
        timers.cancel(FLOW_TIMER);
        return logic.flowAnswered(event, done.response(), done.failure(), context.getLog());
    }

    /** The reply to {@code event} now its flow has timed out. */
    public EventReply replyTo(VoiceEvent event, FlowTimedOut timeout) {
        return logic.flowTimedOut(event, context.getLog());
    }

    /**
     * After an inspection: an entity whose flow never ran exists only because it was inspected (or, durable, to
     * show what it recovered), and is not kept for that.
     */
    public void inspected() {
        if (tickets == 0) {
            passivate();
        }
    }

    /** After a reply: the entity is active, so its idle timeout starts again (not once it has ended). */
    public void restartIdleTimer() {
        if (!retentionStarted) {
            timers.startSingleTimer(IDLE_TIMER, Idle.INSTANCE, logic.settings().idleTimeout());
        }
    }

    /** The entity has ended: it stays for the retention period after the end, however active, then passivates. */
    public void startRetention() {
        retentionStarted = true;
        timers.cancel(IDLE_TIMER);
        timers.startSingleTimer(
                RETENTION_TIMER, RetentionElapsed.INSTANCE, logic.settings().retentionAfterEnd());
    }

    /** Asks the owner to stop the entity; once. */
    public void passivate() {
        if (!passivationRequested) {
            passivationRequested = true;
            context.getLog().debug("passivating");
            requestPassivation.accept(context.getSelf());
        }
    }
}
