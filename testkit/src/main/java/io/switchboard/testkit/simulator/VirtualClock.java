package io.switchboard.testkit.simulator;

import java.time.Duration;
import java.time.Instant;

/** A simulated call's clock: it moves only when the call says time passed, so nothing ever sleeps. */
final class VirtualClock {
    private Instant now;

    VirtualClock(Instant start) {
        this.now = start;
    }

    Instant now() {
        return now;
    }

    /** Moves the clock on by {@code duration}; {@code null} leaves it where it is. */
    void advance(Duration duration) {
        if (duration != null) {
            now = now.plus(duration);
        }
    }
}
