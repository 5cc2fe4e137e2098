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

    AskAgain(ActorSystem<?> system, Duration after, Duration timeout) {
        this.scheduler = system.scheduler();
        this.dispatcher = system.executionContext();
        this.after = after;
        this.timeout = timeout;
        this.enabled = after.compareTo(timeout) < 0;
    }

    /**
     * Asks {@code entity} with the message {@code message} builds around the reply address; the second send, if
     * its time comes before the reply, is {@code copyOf} that same message (made only then). The stage returned
     * completes with the reply once the second send is cancelled.
     */
    <C, M extends C, R> CompletionStage<R> ask(
            EntityRef<C> entity, Function<ActorRef<R>, M> message, UnaryOperator<M> copyOf) {
        AtomicReference<M> sent = new AtomicReference<>();
        CompletionStage<R> reply = entity.ask(
                replyTo -> {
                    sent.set(message.apply(replyTo));
                    return sent.get();
                },
                timeout);
        if (!enabled) {
            return reply;
        }
        Cancellable sendAgain = scheduler.scheduleOnce(after, () -> entity.tell(copyOf.apply(sent.get())), dispatcher);
        // On the thread that completes the reply: the stage comes from a Scala future, whose non-async methods
        // would run on the JDK's common pool.
        return reply.whenCompleteAsync((answer, failure) -> sendAgain.cancel(), Runnable::run);
    }
}
