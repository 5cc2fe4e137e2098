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
    /** False when the owner passivates idle entities itself (a shard-level check), so no timer per entity. */
    private final boolean idleTimer;

    private boolean flowStarted;
    private boolean retentionStarted;
    private boolean passivationRequested;

    /**
     * @param idleTimer false: the entity keeps no idle timer, as its owner stops it once idle (it asks for
     *                  passivation only after its retention, or once inspected without an event)
     */
    public EntityTimers(
            ActorContext<VoiceEntity.Command> context,
            TimerScheduler<VoiceEntity.Command> timers,
            EntityWiring wiring,
            boolean idleTimer) {
        this.context = context;
        this.timers = timers;
        this.settings = wiring.settings();
        this.requestPassivation = wiring.requestPassivation();
        this.retentionStartedNotice = wiring.retentionStarted();
        this.idleTimer = idleTimer;
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
        if (idleTimer && !retentionStarted) {
            timers.startSingleTimer(IDLE_TIMER, Idle.INSTANCE, settings.idleTimeout());
        }
    }

    /**
     * The entity has ended: it stays for the retention period after the end, however active, then passivates. The
     * owner hears of it once per incarnation, and may send {@link VoiceEntity.RetentionElapsed} sooner.
     */
    public void startRetention() {
        if (!retentionStarted) {
            retentionStarted = true;
            retentionStartedNotice.accept(context.getSelf());
        }
        timers.cancel(IDLE_TIMER);
        timers.startSingleTimer(RETENTION_TIMER, VoiceEntity.RetentionElapsed.INSTANCE, settings.retentionAfterEnd());
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
