package io.switchboard.application.port.in;

import java.time.Instant;
import java.util.Objects;

/**
 * One event as the node that received its webhook saw it handled: what the activity index keeps and the live
 * stream carries. The event's BXML reply stays with its entity ({@link EntityQuery}).
 *
 * @param kind        whether the event belongs to a call or a conference
 * @param entityId    the call's or the conference's id
 * @param eventTime   when Bandwidth emitted it; {@code null} when the payload did not say
 * @param handledAt   when its reply was ready on {@code node}
 * @param node        the address of the node that received the webhook and answered it
 * @param latencyMillis from handing the event to its entity to the reply
 * @param origin      where the reply came from (FLOW, REDELIVERY, or a fallback's cause)
 * @param fallback    whether the reply was a fallback
 * @param from        the call's caller; {@code null} for conferences and when absent
 * @param to          the number the call was for; {@code null} for conferences and when absent
 * @param tag         the call's or conference's tag as of this event; {@code null} when absent
 * @param ends        whether this event ends its call or conference (disconnect, conferenceCompleted)
 */
public record HandledEvent(
        EntityKind kind,
        String entityId,
        String eventType,
        Instant eventTime,
        Instant handledAt,
        String node,
        long latencyMillis,
        String origin,
        boolean fallback,
        String from,
        String to,
        String tag,
        boolean ends) {
    public HandledEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(handledAt, "handledAt");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(origin, "origin");
    }

    /** Calls and conferences, the two kinds of entity. */
    public enum EntityKind {
        CALL,
        CONFERENCE
    }
}
