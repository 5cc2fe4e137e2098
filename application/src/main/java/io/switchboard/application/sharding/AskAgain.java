package io.switchboard.application.sharding;

import akka.actor.Cancellable;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Scheduler;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import scala.concurrent.ExecutionContextExecutor;

/**
 * Asks an entity through sharding, and sends the message once more after {@code switchboard.ask-again-after} unless
 * the ask is answered first: sharding drops what it holds for a shard at the moment the shard is handed over. The
 * copy carries the ask's reply address, so whichever reply comes first answers the ask.
 */
final class AskAgain {
    private final Scheduler scheduler;
    private final ExecutionContextExecutor dispatcher;
    private final Duration after;
    private final Duration timeout;
    // At or past the ask's timeout a second send could not be answered in time.
    private final boolean enabled;

    /** The reply to come, and the second send waiting for it: cancel it once the reply is in. */
    record Asked<R>(CompletionStage<R> reply, Cancellable sendAgain) {}

    AskAgain(ActorSystem<?> system, Duration after, Duration timeout) {
        this.scheduler = system.scheduler();
        this.dispatcher = system.executionContext();
        this.after = after;
        this.timeout = timeout;
        this.enabled = after.compareTo(timeout) < 0;
    }

    /**
     * Asks {@code entity} with the message {@code message} builds around the reply address; the second send, if
     * its time comes, is {@code copyOf} that same message (made only then).
     */
    <C, M extends C, R> Asked<R> ask(EntityRef<C> entity, Function<ActorRef<R>, M> message, UnaryOperator<M> copyOf) {
        AtomicReference<M> sent = new AtomicReference<>();
        CompletionStage<R> reply = entity.ask(
                replyTo -> {
                    sent.set(message.apply(replyTo));
                    return sent.get();
                },
                timeout);
        Cancellable sendAgain = enabled
                ? scheduler.scheduleOnce(after, () -> entity.tell(copyOf.apply(sent.get())), dispatcher)
                : Cancellable.alreadyCancelled();
        return new Asked<>(reply, sendAgain);
    }
}
