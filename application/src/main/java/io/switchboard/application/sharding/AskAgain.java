package io.switchboard.application.sharding;

import akka.actor.Cancellable;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Scheduler;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import java.time.Duration;
import scala.concurrent.ExecutionContextExecutor;

/**
 * Sends a message to an entity once more after {@code switchboard.ask-again-after}, unless the ask it belongs to is
 * answered first: sharding drops what it holds for a shard at the moment the shard is handed over. The copy carries
 * the ask's reply address, so whichever reply comes first answers the ask.
 */
final class AskAgain {
    private final Scheduler scheduler;
    private final ExecutionContextExecutor dispatcher;
    private final Duration after;
    // At or past the ask's timeout a second send could not be answered in time.
    private final boolean enabled;

    AskAgain(ActorSystem<?> system, Duration after, Duration askTimeout) {
        this.scheduler = system.scheduler();
        this.dispatcher = system.executionContext();
        this.after = after;
        this.enabled = after.compareTo(askTimeout) < 0;
    }

    /** Sends {@code copy} to {@code entity} after the pause; cancel it once the ask is answered. */
    <M> Cancellable unlessAnswered(EntityRef<M> entity, M copy) {
        return enabled
                ? scheduler.scheduleOnce(after, () -> entity.tell(copy), dispatcher)
                : Cancellable.alreadyCancelled();
    }
}
