package io.switchboard.application.port.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the activity index knows of one recent call or conference: enough to list it and filter on it, and its
 * latest events as the nodes that answered them saw them.
 *
 * @param status     {@link #LIVE} until an event ended it, then {@link #ENDED}
 * @param from       the caller, as its latest event said; {@code null} for conferences
 * @param tag        the tag as of its latest event
 * @param eventCount events handled, counting those {@code events} no longer holds
 * @param fallbacks  how many of them were answered with a fallback
 * @param nodes      the nodes that answered its webhooks
 * @param events     its latest events, oldest first, at most as many as the index keeps per entity
 */
public record ActivitySummary(
        HandledEvent.EntityKind kind,
        String id,
        String status,
        String from,
        String to,
        String tag,
        Instant firstSeen,
        Instant lastSeen,
        String lastEventType,
        int eventCount,
        int fallbacks,
        Set<String> nodes,
        List<HandledEvent> events) {
    public static final String LIVE = "live";
    public static final String ENDED = "ended";

    /** Newest activity first; the id breaks ties so that pages are stable. */
    public static final Comparator<ActivitySummary> NEWEST_FIRST =
            Comparator.comparing(ActivitySummary::lastSeen).reversed().thenComparing(ActivitySummary::id);

    public ActivitySummary {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        nodes = Set.copyOf(nodes);
        events = List.copyOf(events);
    }

    /** The summary of an entity seen for the first time with {@code event}. */
    public static ActivitySummary first(HandledEvent event) {
        return new ActivitySummary(
                event.kind(),
                event.entityId(),
                event.ends() ? ENDED : LIVE,
                event.from(),
                event.to(),
                event.tag(),
                event.handledAt(),
                event.handledAt(),
                event.eventType(),
                1,
                event.fallback() ? 1 : 0,
                Set.of(event.node()),
                List.of(event));
    }

    /** This summary after {@code event}, keeping at most {@code eventsKept} events. */
    public ActivitySummary with(HandledEvent event, int eventsKept) {
        return merge(first(event), eventsKept);
    }

    /**
     * One summary of what two nodes (or two moments) saw of the same entity: the latest values win, counts add
     * up, and the events of both are kept in time order, at most {@code eventsKept}.
     */
    public ActivitySummary merge(ActivitySummary other, int eventsKept) {
        if (!id.equals(other.id) || kind != other.kind) {
            throw new IllegalArgumentException("not the same entity: " + id + ", " + other.id);
        }
        ActivitySummary latest = other.lastSeen.isBefore(lastSeen) ? this : other;
        ActivitySummary earlier = latest == this ? other : this;
        List<HandledEvent> both = new ArrayList<>(events);
        both.addAll(other.events);
        both.sort(Comparator.comparing(HandledEvent::handledAt));
        Set<String> allNodes = new TreeSet<>(nodes);
        allNodes.addAll(other.nodes);
        return new ActivitySummary(
                kind,
                id,
                ENDED.equals(status) || ENDED.equals(other.status) ? ENDED : LIVE,
                latest.from != null ? latest.from : earlier.from,
                latest.to != null ? latest.to : earlier.to,
                latest.tag != null ? latest.tag : earlier.tag,
                firstSeen.isBefore(other.firstSeen) ? firstSeen : other.firstSeen,
                latest.lastSeen,
                latest.lastEventType,
                eventCount + other.eventCount,
                fallbacks + other.fallbacks,
                allNodes,
                both.subList(Math.max(0, both.size() - eventsKept), both.size()));
    }

    public boolean fallbackSeen() {
        return fallbacks > 0;
    }
}
