package io.switchboard.adapters.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How many webhooks answered for good a node keeps by their exact bytes, and for how long, so that their
 * redeliveries are neither decoded nor their BXML written again ({@link AnsweredWebhooks}). The service sizes them
 * as the application's answered events ({@code switchboard.answered-events}).
 *
 * @param maxEntries zero keeps none
 */
public record AnsweredWebhookLimits(long maxEntries, Duration keepFor) {
    public static final AnsweredWebhookLimits DEFAULTS = new AnsweredWebhookLimits(20_000, Duration.ofMinutes(5));

    public AnsweredWebhookLimits {
        Objects.requireNonNull(keepFor, "keepFor");
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must be 0 or more, was " + maxEntries);
        }
        if (keepFor.isNegative() || keepFor.isZero()) {
            throw new IllegalArgumentException("keepFor must be positive, was " + keepFor);
        }
    }
}
