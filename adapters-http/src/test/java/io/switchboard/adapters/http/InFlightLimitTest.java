package io.switchboard.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {
    private static final Duration TARGET = Duration.ofSeconds(1);
    private static final long ON_TIME = Duration.ofMillis(10).toNanos();
    private static final long LATE = Duration.ofSeconds(2).toNanos();

    private final AtomicLong clock = new AtomicLong();
    private final InFlightLimit limit = new InFlightLimit(4, 64, TARGET, clock::get);

    @Test
    void startsAtTheFloorAndRefusesPastIt() {
        for (int i = 0; i < 4; i++) {
            assertTrue(limit.tryAcquire());
        }
        assertFalse(limit.tryAcquire());
        assertEquals(4, limit.inFlight());
    }

    @Test
    void growsWithWebhooksAnsweredInTimeWhileInUseUpToTheCeiling() {
        for (int round = 0; round < 200; round++) {
            fill();
            drain(ON_TIME);
        }
        assertEquals(64, limit.limit());
    }

    @Test
    void doesNotGrowWhileMostlyIdle() {
        for (int round = 0; round < 200; round++) {
            assertTrue(limit.tryAcquire());
            limit.release(ON_TIME);
        }
        assertEquals(4, limit.limit());
    }

    @Test
    void halvesOncePerTargetWhenWebhooksAreAnsweredLate() {
        growTo(64);
        int inFlight = fill();
        assertEquals(64, inFlight);
        limit.release(LATE);
        assertEquals(32, limit.limit());
        // The others admitted with it finish late too, within the same target: no further halving for them.
        for (int i = 1; i < inFlight; i++) {
            limit.release(LATE);
        }
        assertEquals(32, limit.limit());
        clock.addAndGet(TARGET.toNanos());
        assertTrue(limit.tryAcquire());
        limit.release(LATE);
        assertEquals(16, limit.limit());
    }

    @Test
    void aStallHalvesTheLimitBeforeAnythingFinishesLate() {
        growTo(64);
        for (int i = 0; i < 10; i++) {
            assertTrue(limit.tryAcquire());
        }
        clock.addAndGet(TARGET.toNanos() + 1);
        assertTrue(limit.tryAcquire());
        assertEquals(32, limit.limit());
    }

    @Test
    void neverFallsUnderTheFloor() {
        for (int i = 0; i < 10; i++) {
            assertTrue(limit.tryAcquire());
            clock.addAndGet(TARGET.toNanos());
            limit.release(LATE);
        }
        assertEquals(4, limit.limit());
    }

    private void growTo(int target) {
        while (limit.limit() < target) {
            fill();
            drain(ON_TIME);
        }
    }

    private int fill() {
        int admitted = 0;
        while (limit.tryAcquire()) {
            admitted++;
        }
        return admitted;
    }

    private void drain(long tookNanos) {
        while (limit.inFlight() > 0) {
            limit.release(tookNanos);
        }
    }
}
