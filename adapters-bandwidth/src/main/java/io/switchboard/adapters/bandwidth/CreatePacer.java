package io.switchboard.adapters.bandwidth;

import io.switchboard.domain.control.CallControlFailure;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Spaces call creations evenly at a configured rate, so the service never floods the account's queue (Bandwidth
 * dequeues at the account's rate and refuses past its queue's size). Each create gets the next free slot; one
 * whose slot is not now waits for it without holding a thread. At most {@code capacity} wait: past that, a create
 * is refused at once with {@code QUEUE_FULL} and nothing is sent.
 */
final class CreatePacer {

    private final long intervalNanos;
    private final int capacity;
    private final LongSupplier nanoClock;

    private long nextSlot;
    private int waiting;

    CreatePacer(double perSecond, int capacity, LongSupplier nanoClock) {
        this.intervalNanos = Math.max(1, Math.round(TimeUnit.SECONDS.toNanos(1) / perSecond));
        this.capacity = capacity;
        this.nanoClock = nanoClock;
        this.nextSlot = nanoClock.getAsLong();
    }

    /** Runs {@code create} in its slot; fails with {@code QUEUE_FULL} at once when too many wait already. */
    <T> CompletionStage<T> inTurn(String operation, Supplier<CompletionStage<T>> create) {
        long delay;
        synchronized (this) {
            if (waiting >= capacity) {
                return CompletableFuture.failedFuture(CallControlFailure.withoutAnswer(
                        CallControlFailure.Kind.QUEUE_FULL,
                        operation,
                        capacity + " calls already wait to be placed; nothing was sent"));
            }
            long now = nanoClock.getAsLong();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            delay = slot - now;
            waiting++;
        }
        return CompletableFuture.runAsync(
                        this::released, CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS))
                .thenComposeAsync(slotReached -> create.get(), Runnable::run);
    }

    /** Creates waiting for their slot. */
    synchronized int waiting() {
        return waiting;
    }

    private synchronized void released() {
        waiting--;
    }
}
