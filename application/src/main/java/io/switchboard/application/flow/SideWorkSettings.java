package io.switchboard.application.flow;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The bounds of flows' side work ({@code switchboard.side-work}).
 *
 * @param maxRunning side work running at once on a node; past it, new side work is refused
 * @param maxWaiting side work waiting for its delay at once on a node; past it, new delayed work is refused
 * @param maxDelay   the longest delay a flow may ask for
 * @param timeout    side work not done by then is counted as failed and its slot freed
 */
public record SideWorkSettings(int maxRunning, int maxWaiting, Duration maxDelay, Duration timeout) {

    public SideWorkSettings {
        if (maxRunning < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("switchboard.side-work needs max-concurrent of at least 1 and "
                    + "max-delayed of at least 0, was " + maxRunning + " and " + maxWaiting);
        }
        if (maxDelay.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("switchboard.side-work needs a max-delay of zero or more and a "
                    + "positive timeout, was " + maxDelay + " and " + timeout);
        }
    }

    /** From the {@code switchboard} section's {@code side-work}. */
    public static SideWorkSettings from(Config root) {
        Config config = root.getConfig("switchboard.side-work");
        return new SideWorkSettings(
                config.getInt("max-concurrent"),
                config.getInt("max-delayed"),
                config.getDuration("max-delay"),
                config.getDuration("timeout"));
    }
}
