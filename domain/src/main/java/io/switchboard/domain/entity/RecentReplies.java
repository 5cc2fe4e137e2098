package io.switchboard.domain.entity;

import io.switchboard.domain.common.VoiceEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The replies given to the most recent events, so that a redelivery (same event, same payload) gets the same
 * reply without running the flow again. Bounded: the oldest is forgotten first. Not thread-safe; owned by one
 * entity.
 */
final class RecentReplies {
    private static final int INITIAL_CAPACITY = 4;

    private final Map<VoiceEvent, EventReply> replies;

    RecentReplies(int capacity) {
        // Sized for the few events of a typical call and grown on demand: every idle call carries this table.
        this.replies = new LinkedHashMap<>(Math.min(capacity, INITIAL_CAPACITY), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<VoiceEvent, EventReply> eldest) {
                return size() > capacity;
            }
        };
    }

    Optional<EventReply> replyGivenTo(VoiceEvent event) {
        return Optional.ofNullable(replies.get(event));
    }

    void remember(VoiceEvent event, EventReply reply) {
        replies.put(event, reply);
    }
}
