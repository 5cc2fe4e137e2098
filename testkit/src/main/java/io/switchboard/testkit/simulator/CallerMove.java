package io.switchboard.testkit.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * What a simulated caller does when the call waits for them: at a {@code <Gather>}, during a {@code <Record>},
 * while bridged by a {@code <Transfer>} or inside a {@code <Conference>}.
 *
 * @param kind  what happens
 * @param keys  the keys pressed ({@link Kind#PRESS} only)
 * @param after how long (on the call's virtual clock) the caller takes; {@code null} lets the simulator choose
 *              (a second per key, the gather's timeout, the profile's recording length...)
 */
public record CallerMove(Kind kind, String keys, Duration after) {

    public enum Kind {
        /** Presses keys: gather digits, or the digit that ends a recording. */
        PRESS,
        /** Does nothing: a gather times out with no digits; a recording ends on silence. */
        NO_INPUT,
        /**
         * Lets the call go on: the transfer target hangs up (the caller is still there), the call leaves the
         * conference and runs the verbs after it, a recording ends on silence.
         */
        PROCEED,
        /** Hangs up. */
        HANG_UP
    }

    public CallerMove {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.PRESS) != (keys != null && !keys.isEmpty())) {
            throw new IllegalArgumentException(
                    "keys are given with PRESS and only then, got " + kind + " '" + keys + "'");
        }
        if (keys != null && !keys.chars().allMatch(key -> "0123456789*#".indexOf(key) >= 0)) {
            throw new IllegalArgumentException("keys must be 0-9, * and #, was '" + keys + "'");
        }
        if (after != null && after.isNegative()) {
            throw new IllegalArgumentException("after must not be negative, was " + after);
        }
    }

    public static CallerMove press(String keys) {
        return new CallerMove(Kind.PRESS, keys, null);
    }

    public static CallerMove noInput() {
        return new CallerMove(Kind.NO_INPUT, null, null);
    }

    public static CallerMove proceed() {
        return new CallerMove(Kind.PROCEED, null, null);
    }

    public static CallerMove hangUp() {
        return new CallerMove(Kind.HANG_UP, null, null);
    }

    /** This move, taking {@code duration} of virtual time. */
    public CallerMove after(Duration duration) {
        return new CallerMove(kind, keys, duration);
    }

    public boolean hangsUp() {
        return kind == Kind.HANG_UP;
    }
}
