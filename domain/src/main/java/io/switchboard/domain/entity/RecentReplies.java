package io.switchboard.domain.entity;

import io.switchboard.domain.common.VoiceEvent;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The most recent events an entity answered, with their replies, oldest first: a redelivery (same event, same
 * payload) gets the same reply without running the flow again, and an inspection shows them as the entity's
 * timeline. Bounded: the oldest is forgotten first. Not thread-safe; owned by one entity.
 */
final class RecentReplies {
    /** Sized for the few events of a typical call and grown on demand: every idle call carries this deque. */
    private static final int INITIAL_CAPACITY = 4;

    private final int capacity;
    private final ArrayDeque<TimelineEntry> entries;

    RecentReplies(int capacity) {
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(Math.min(capacity, INITIAL_CAPACITY));
    }

    /** The reply the latest equal event got; a short scan, as the capacity is a few dozen at most. */
    Optional<EventReply> replyGivenTo(VoiceEvent event) {
        Iterator<TimelineEntry> newestFirst = entries.descendingIterator();
        while (newestFirst.hasNext()) {
            TimelineEntry entry = newestFirst.next();
            if (entry.event().equals(event)) {
                return Optional.of(entry.reply());
            }
        }
        return Optional.empty();
    }

    void remember(TimelineEntry entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    List<TimelineEntry> timeline() {
        return List.copyOf(entries);
    }
}
