package io.switchboard.domain.entity;

import io.switchboard.domain.flow.FlowData;
import java.util.List;
import java.util.Objects;

/**
 * What an entity reports when inspected: its state, its most recent events, oldest first, as many as it
 * remembers to answer redeliveries ({@link EntitySettings#rememberedReplies()}), and its flow's data.
 *
 * @param flowData {@code null} when the flow set none
 */
public record EntityInspection(EntityState state, List<TimelineEntry> timeline, FlowData flowData) {
    public EntityInspection {
        Objects.requireNonNull(state, "state");
        timeline = List.copyOf(timeline);
    }

    /** An inspection without flow data. */
    public EntityInspection(EntityState state, List<TimelineEntry> timeline) {
        this(state, timeline, null);
    }

    /**
     * Whether the entity has answered any event. One that has not was started by the inspection itself: in
     * memory mode the call or conference is unknown here (never seen, or passivated and forgotten).
     */
    public boolean hasHistory() {
        return !timeline.isEmpty();
    }
}
