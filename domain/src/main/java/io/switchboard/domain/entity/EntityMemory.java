package io.switchboard.domain.entity;

import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.control.IssuedRequest;
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
 */
public record EntityMemory<S extends EntityState>(S state, List<TimelineEntry> timeline) {

    public EntityMemory {
        Objects.requireNonNull(state, "state");
        timeline = List.copyOf(timeline);
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
        return new EntityInspection(state, timeline);
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
        return new EntityMemory<>(state, next);
    }

    /** {@code nextState}, and {@code entry} added to the timeline, which keeps at most {@code capacity} entries. */
    EntityMemory<S> remembering(TimelineEntry entry, S nextState, int capacity) {
        int kept = Math.min(timeline.size(), capacity - 1);
        List<TimelineEntry> next = new ArrayList<>(kept + 1);
        next.addAll(timeline.subList(timeline.size() - kept, timeline.size()));
        next.add(entry);
        return new EntityMemory<>(nextState, next);
    }
}
