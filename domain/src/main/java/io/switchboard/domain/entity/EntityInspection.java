package io.switchboard.domain.entity;

import java.util.List;
import java.util.Objects;

/**
 * What an entity reports when inspected: its state and its most recent events, oldest first, as many as it
 * remembers to answer redeliveries ({@link EntitySettings#rememberedReplies()}).
 */
public record EntityInspection(EntityState state, List<TimelineEntry> timeline) {
    public EntityInspection {
        Objects.requireNonNull(state, "state");
        timeline = List.copyOf(timeline);
    }

    /**
     * Whether the entity has answered any event. One that has not was started by the inspection itself: in
     * memory mode the call or conference is unknown here (never seen, or passivated and forgotten).
     */
    public boolean hasHistory() {
        return !timeline.isEmpty();
    }
}
