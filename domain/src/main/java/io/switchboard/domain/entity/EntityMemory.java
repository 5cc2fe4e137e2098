package io.switchboard.domain.entity;

import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.control.IssuedRequest;
import io.switchboard.domain.flow.FlowData;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an entity remembers: the state its events built, and the most recent of those events with their replies,
 * oldest first. A redelivery (an equal event) gets the reply the latest equal event got; an inspection shows the
 * entries as the entity's timeline. Immutable, and rebuilt from nothing but its {@link TimelineEntry timeline
 * entries} by {@link EntityLogic#after}: the in-memory entity keeps it in a field, the durable one recovers it
 * from its journal and snapshots.
 *
 * @param timeline bounded by {@link EntitySettings#rememberedReplies()}: the oldest entry is forgotten first
 * @param flowData the flow's own data, as the latest event that set it left it; {@code null} if none did. Kept
 *                 here, not in the state, because the flow sets it, not the events; and beside the timeline,
 *                 which forgets old entries
 */
public record EntityMemory<S extends EntityState>(S state, List<TimelineEntry> timeline, FlowData flowData) {

    public EntityMemory {
        Objects.requireNonNull(state, "state");
        timeline = List.copyOf(timeline);
    }

    /** A memory without flow data. */
    public EntityMemory(S state, List<TimelineEntry> timeline) {
        this(state, timeline, null);
    }

    /** A call or conference that has seen nothing yet. */
    public static <S extends EntityState> EntityMemory<S> empty(S initialState) {
        return new EntityMemory<>(initialState, List.of());
    }

    /** The reply the latest equal event got; a short scan, as the timeline holds a few dozen entries at most. */
    public Optional<EventReply> replyGivenTo(VoiceEvent event) {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            TimelineEntry entry = timeline.get(i);
            if (entry.answered() && entry.event().equals(event)) {
                return Optional.of(entry.reply());
            }
        }
        return Optional.empty();
    }

    /** Whether the entity has taken any event. */
    public boolean hasHistory() {
        return !timeline.isEmpty();
    }

    public EntityInspection inspection() {
        return new EntityInspection(state, timeline, flowData);
    }

    /** The requests issued and not yet settled, oldest first. */
    public List<IssuedRequest> pendingRequests() {
        return timeline.stream()
                .flatMap(entry -> entry.requests().stream())
                .filter(request -> !request.settled())
                .toList();
    }

    /** The same memory with one request's outcome; a request the timeline no longer holds is forgotten. */
    EntityMemory<S> settling(RequestSettled settled) {
        List<TimelineEntry> next = new ArrayList<>(timeline.size());
        for (TimelineEntry entry : timeline) {
            next.add(entry.settling(settled.requestId(), settled.outcome()));
        }
        return new EntityMemory<>(state, next, flowData);
    }

    /**
     * {@code nextState}, and {@code entry} added to the timeline, which keeps at most {@code capacity} entries;
     * the flow data the entry set, if it set any.
     */
    EntityMemory<S> remembering(TimelineEntry entry, S nextState, int capacity) {
        int kept = Math.min(timeline.size(), capacity - 1);
        List<TimelineEntry> next = new ArrayList<>(kept + 1);
        next.addAll(timeline.subList(timeline.size() - kept, timeline.size()));
        next.add(entry);
        return new EntityMemory<>(nextState, next, entry.flowData() != null ? entry.flowData() : flowData);
    }
}
