package io.switchboard.adapters.http;

import java.util.concurrent.atomic.AtomicInteger;

/** The webhook connections whose requests are served, at most {@code max} at once; the others are refused. */
final class ServedConnections {
    private final int max;
    private final AtomicInteger held = new AtomicInteger();

    ServedConnections(int max) {
        this.max = max;
    }

    Slot newConnection() {
        return new Slot();
    }

    int held() {
        return held.get();
    }

    /** One connection's claim: taken at its first request that finds one free, given back when it closes. */
    final class Slot {
        // Only the connection's own stream touches it, one request at a time.
        private boolean holding;

        /** Whether this connection holds a slot, taking a free one if it did not. */
        boolean hold() {
            if (!holding) {
                if (held.incrementAndGet() > max) {
                    held.decrementAndGet();
                } else {
                    holding = true;
                }
            }
            return holding;
        }

        void release() {
            if (holding) {
                holding = false;
                held.decrementAndGet();
            }
        }
    }
}
