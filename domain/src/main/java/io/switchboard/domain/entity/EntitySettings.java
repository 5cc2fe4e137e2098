package io.switchboard.domain.entity;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits and timeouts of a call or conference entity.
 *
 * @param flowTimeout       how long the flow may take over one event before the fallback is sent instead
 * @param idleTimeout       an entity that saw no event for this long is passivated
 * @param retentionAfterEnd an ended call (or conference) stays resident this long for late events
 *                          (recordings, transcriptions), then is passivated
 * @param stashCapacity     how many events of one entity may wait while its flow works; past it, the fallback
 * @param rememberedReplies how many recent events, with their replies, are kept to answer redeliveries; an
 *                          inspection shows them as the timeline
 */
public record EntitySettings(
        Duration flowTimeout,
        Duration idleTimeout,
        Duration retentionAfterEnd,
        int stashCapacity,
        int rememberedReplies,
        FallbackPolicy fallback) {

    public EntitySettings {
        requirePositive("flowTimeout", flowTimeout);
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("retentionAfterEnd", retentionAfterEnd);
        if (stashCapacity < 1) {
            throw new IllegalArgumentException("stashCapacity must be at least 1, was " + stashCapacity);
        }
        if (rememberedReplies < 1) {
            throw new IllegalArgumentException("rememberedReplies must be at least 1, was " + rememberedReplies);
        }
        Objects.requireNonNull(fallback, "fallback");
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
