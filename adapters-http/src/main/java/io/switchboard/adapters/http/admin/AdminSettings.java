package io.switchboard.adapters.http.admin;

import java.time.Duration;

/**
 * How the admin API's live event stream behaves.
 *
 * @param liveKeepAlive how often a quiet stream sends a heartbeat; also how soon a stream notices that the
 *                      credentials it was opened with no longer match
 * @param liveBuffer    events a viewer may leave untaken before its stream is closed
 */
public record AdminSettings(Duration liveKeepAlive, int liveBuffer) {
    public AdminSettings {
        if (liveKeepAlive.isNegative() || liveKeepAlive.isZero() || liveBuffer < 1) {
            throw new IllegalArgumentException(
                    "live keep-alive and buffer must be positive: " + liveKeepAlive + ", " + liveBuffer);
        }
    }
}
