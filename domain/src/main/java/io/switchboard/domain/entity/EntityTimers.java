package io.switchboard.domain.entity;

import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.TimerScheduler;
import java.util.function.Consumer;

/**
 * How long an entity stays, for both shells: its idle timer, its retention after the end, and the one request to
 * its owner to passivate it. The timers' messages come back to the entity: {@link Idle}, and
 * {@link VoiceEntity.RetentionElapsed}, which the owner may also send.
 */
public final class EntityTimers {

    /** No event for the idle timeout. */
    enum Idle implements VoiceEntity.Command {
        INSTANCE
    }

    private static final String IDLE_TIMER = "idle";
    private static final String RETENTION_TIMER = "retention";

    private final ActorContext<VoiceEntity.Command> context;
    private final TimerScheduler<VoiceEntity.Command> timers;
    private final EntitySettings settings;
    private final Consumer<ActorRef<VoiceEntity.Command>> requestPassivation;
    private final Consumer<ActorRef<VoiceEntity.Command>> retentionStartedNotice;
    /**
     * True when the owner stops idle entities itself (a shard-level check) and parks their memory: no idle timer
     * and no retention timer per entity.
     */
    private final boolean ownerParks;

    private boolean flowStarted;
    private boolean retentionStarted;
    private boolean passivationRequested;

    /**
     * @param ownerParks true: the entity keeps no timer, as its owner stops it once idle and parks its memory (it
     *                   asks for passivation once it has ended, or once inspected without an event)
     */
    public EntityTimers(
            ActorContext<VoiceEntity.Command> context,
            TimerScheduler<VoiceEntity.Command> timers,
            EntityWiring wiring,
            boolean ownerParks) {
        this.context = context;
        this.timers = timers;
        this.settings = wiring.settings();
        this.requestPassivation = wiring.requestPassivation();
        this.retentionStartedNotice = wiring.retentionStarted();
        this.ownerParks = ownerParks;
    }

    /** A flow starts on an event; one that ends the call or conference starts its retention, once. */
    void flowStarting(boolean ended) {
        flowStarted = true;
        if (ended && !retentionStarted) {
            startRetention();
        }
    }

    /**
     * After an inspection: an entity whose flow never ran exists only because it was inspected (or, journaled, to
     * show what it recovered), and is not kept for that.
     */
    public void inspected() {
        if (!flowStarted) {
            passivate();
        }
    }

    /** After a reply: the entity is active, so its idle timeout starts again (not once it has ended). */
    public void restartIdleTimer() {
        if (!ownerParks && !retentionStarted) {
            timers.startSingleTimer(IDLE_TIMER, Idle.INSTANCE, settings.idleTimeout());
        }
    }

    /**
     * The entity has ended: it stays for the retention period after the end, however active, then passivates. The
     * owner hears of it once per incarnation, and may send {@link VoiceEntity.RetentionElapsed} sooner. An entity
     * whose owner parks idle ones stops being an actor at once instead: its memory is parked for the retention
     * (no timer), and a late event or a redelivery takes it back.
     */
    public void startRetention() {
        enterRetention();
        if (ownerParks) {
            // Behind the reply to the event that ended it: the owner's stop comes after what is being handled.
            passivate();
        }
    }

    /**
     * The entity starts again with the memory of a call or conference that had ended, for a late event or an
     * inspection: it stays in its retention, and its owner hears so. Parked again when its owner finds it idle, not
     * at once: a call that keeps getting events after its end would otherwise start and stop for each.
     */
    public void resumedAfterEnd() {
        enterRetention();
    }

    /** In the retention after the end: the owner told once, the idle timer replaced by the retention timer. */
    private void enterRetention() {
        if (!retentionStarted) {
            retentionStarted = true;
            retentionStartedNotice.accept(context.getSelf());
        }
        timers.cancel(IDLE_TIMER);
        if (!ownerParks) {
            timers.startSingleTimer(
                    RETENTION_TIMER, VoiceEntity.RetentionElapsed.INSTANCE, settings.retentionAfterEnd());
        }
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
