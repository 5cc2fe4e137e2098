package io.switchboard.domain.entity;

/**
 * Where a reply came from; everything but {@link #FLOW}, {@link #REDELIVERY} and {@link #NOT_STORED} (no reply at
 * all: the event is to be sent again) is a fallback.
 */
public enum ReplyOrigin {
    /** The flow answered in time. */
    FLOW,
    /** The event was seen before; this is the reply it got then. */
    REDELIVERY,
    /** The flow threw or its future failed. */
    FLOW_FAILED,
    /** The flow did not answer within the entity's flow timeout. */
    FLOW_TIMED_OUT,
    /** Too many events of the call were waiting already. */
    OVERLOADED,
    /** The caller gave up waiting (the reply deadline passed before the entity answered). */
    DEADLINE_EXCEEDED,
    /**
     * The entity could not be reached in time (its node was lost): a pause and a redirect back to this service
     * keep the caller on the line ({@link HoldPolicy}); the redirect gets the flow's reply to the held event.
     */
    HELD,
    /** The event was sent to an entity of the wrong kind: a wiring bug. */
    MISROUTED,
    /**
     * The flow answered with BXML that breaks a rule of {@link io.switchboard.domain.verb.BxmlRules} for the
     * event (a verb the event may not take, verbs after a Redirect); Bandwidth would fail the call on it.
     */
    INVALID_BXML,
    /**
     * The journal could not store the event (durable mode): nothing was answered for it, and the caller is asked
     * to send it again later rather than given a reply that would advance the call past an event nobody kept.
     */
    NOT_STORED;

    /**
     * Whether the entity keeps a reply of this origin for the event's redeliveries: those that are its own
     * decision about the event, not a refusal to decide (shed, misrouted, held, late, not stored).
     */
    public boolean isRemembered() {
        return this == FLOW
                || this == REDELIVERY
                || this == FLOW_FAILED
                || this == FLOW_TIMED_OUT
                || this == INVALID_BXML;
    }

    public boolean isFallback() {
        return this != FLOW && this != REDELIVERY && this != NOT_STORED;
    }
}
