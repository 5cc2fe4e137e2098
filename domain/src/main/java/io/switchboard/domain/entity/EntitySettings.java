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
 * @param inlineFlowBudget  how long a flow that declares it does not block may take on the entity's thread before
 *                          the event is logged as a warning
 */
public record EntitySettings(
        Duration flowTimeout,
        Duration idleTimeout,
        Duration retentionAfterEnd,
        int stashCapacity,
        int rememberedReplies,
        FallbackPolicy fallback,
        Duration inlineFlowBudget) {

    /** The default of {@code switchboard.entity.inline-flow-budget}. */
    public static final Duration DEFAULT_INLINE_FLOW_BUDGET = Duration.ofMillis(20);

    public EntitySettings {
        requirePositive("flowTimeout", flowTimeout);
        requirePositive("inlineFlowBudget", inlineFlowBudget);
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

    /** With the default inline flow budget. */
    public EntitySettings(
            Duration flowTimeout,
            Duration idleTimeout,
            Duration retentionAfterEnd,
            int stashCapacity,
            int rememberedReplies,
            FallbackPolicy fallback) {
        this(
                flowTimeout,
                idleTimeout,
                retentionAfterEnd,
                stashCapacity,
                rememberedReplies,
                fallback,
                DEFAULT_INLINE_FLOW_BUDGET);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
