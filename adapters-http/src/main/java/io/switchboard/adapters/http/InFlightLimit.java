package io.switchboard.adapters.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The webhooks handled at once, under a limit that follows the time they take (see {@link AdmissionLimits}): it
 * grows while they are answered within the target and halves when one is not, between a floor and a ceiling. A
 * stall counts as late too: when none of at least {@code floor} webhooks in flight has been answered for longer than
 * the target, the limit halves without waiting for them to finish late.
 */
final class InFlightLimit {
    private final int floor;
    private final int ceiling;
    private final long targetNanos;
    private final LongSupplier nanoClock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile int limit;
    private volatile long lastAnsweredAt;
    // Guarded by this: when the limit last halved.
    private long lastHalvedAt;

    InFlightLimit(int floor, int ceiling, Duration target, LongSupplier nanoClock) {
        this.floor = Math.min(floor, ceiling);
        this.ceiling = ceiling;
        this.targetNanos = target.toNanos();
        this.nanoClock = nanoClock;
        this.limit = this.floor;
        this.lastAnsweredAt = nanoClock.getAsLong();
        this.lastHalvedAt = lastAnsweredAt - targetNanos;
    }

    /** Counts a webhook in, or refuses it when the limit is reached. */
    boolean tryAcquire() {
        int before = inFlight.get();
        if (before == 0) {
            // An idle node has answered nothing lately, and is not stalled for it.
            lastAnsweredAt = nanoClock.getAsLong();
        } else if (before >= floor) {
            long now = nanoClock.getAsLong();
            if (now - lastAnsweredAt > targetNanos) {
                halve(now);
            }
        }
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Counts a webhook out, {@code tookNanos} after it came in, and adapts the limit to that time. */
    void release(long tookNanos) {
        int inFlightBefore = inFlight.getAndDecrement();
        long now = nanoClock.getAsLong();
        lastAnsweredAt = now;
        if (tookNanos <= targetNanos) {
            // Grown only while in use: an idle node's limit must not drift up to the ceiling and let a flood in.
            if (inFlightBefore * 2 >= limit && limit < ceiling) {
                synchronized (this) {
                    limit = Math.min(ceiling, limit + 1);
                }
            }
            return;
        }
        halve(now);
    }

    /** Once per target: the webhooks admitted before a halving still finish late and must not halve it again. */
    private synchronized void halve(long now) {
        if (now - lastHalvedAt >= targetNanos) {
            limit = Math.max(floor, limit / 2);
            lastHalvedAt = now;
        }
    }

    int limit() {
        return limit;
    }

    int inFlight() {
        return inFlight.get();
    }
}
