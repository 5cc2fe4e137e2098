package io.switchboard.testkit.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Faults injected the way the platform really misbehaves (duplicates are possible, async
 * callbacks are retried once on connection errors, timeouts are 15 s). Each is a probability from 0 to 1, drawn
 * per delivery (per call for {@code reorderAsync}) from the call's seeded random source.
 *
 * @param duplicate    the same payload is delivered twice; the second reply must equal the first
 * @param lostReply    the reply is lost on the way back and Bandwidth retries once: the event reaches the service
 *                     twice, the retry's reply is the one used, and it must equal the first
 * @param reorderAsync the call's trailing asynchronous events (disconnect, recordingAvailable,
 *                     transcriptionAvailable) arrive in a shuffled order
 * @param slow         the delivery leaves late by {@code slowBy} (real time, without blocking a thread)
 */
public record Faults(double duplicate, double lostReply, double reorderAsync, double slow, Duration slowBy) {

    public static final Faults NONE = new Faults(0, 0, 0, 0, Duration.ZERO);

    public Faults {
        probability("duplicate", duplicate);
        probability("lost-reply", lostReply);
        probability("reorder-async", reorderAsync);
        probability("slow.probability", slow);
        Objects.requireNonNull(slowBy, "slowBy");
        if (slowBy.isNegative()) {
            throw new IllegalArgumentException("slow.delay must not be negative, was " + slowBy);
        }
    }

    private static void probability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("faults." + name + " must be a probability from 0 to 1, was " + value);
        }
    }
}
