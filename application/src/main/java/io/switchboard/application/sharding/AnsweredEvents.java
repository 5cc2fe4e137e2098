package io.switchboard.application.sharding;

import com.github.benmanes.caffeine.cache.Cache;
import io.switchboard.application.RecentAnswers;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EventReply;
import java.time.Duration;
import java.util.Optional;

/**
 * The replies this node's webhooks got from their entities, by event, so that a redelivery (Bandwidth sends an
 * event again, byte for byte, when a reply was slow or lost) is answered here without a trip to its entity: the
 * cheapest path, as redeliveries come in floods when Bandwidth retries everything that was slow. Only replies an
 * entity keeps for redeliveries are kept ({@link io.switchboard.domain.entity.ReplyOrigin#isRemembered}), so the
 * answer is the one the entity would give; in journal mode each was stored before it was given.
 *
 * <p>Bounded in entries and in time: an event not found here (evicted, or answered on another node) goes to its
 * entity as before, which recognises it from its own timeline.
 */
final class AnsweredEvents {
    private final Optional<Cache<Key, EventReply>> replies;

    /**
     * An event as it is kept and looked up here. Its hash walks every field of the event and of its details, and
     * the cache asks for it on every lookup, write, frequency count and eviction: a key computes it once.
     */
    static final class Key {
        private final VoiceEvent event;
        /** The event's hash once computed; 0 until then (a race computes the same value twice, harmlessly). */
        private int hash;

        Key(VoiceEvent event) {
            this.event = event;
        }

        VoiceEvent event() {
            return event;
        }

        @Override
        public int hashCode() {
            int known = hash;
            if (known == 0) {
                known = event.hashCode();
                hash = known;
            }
            return known;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && (key.event == event || key.event.equals(event));
        }
    }

    /**
     * @param maxEntries how many answered events are kept; zero keeps none
     * @param keepFor    how long after its answer an event is kept
     */
    AnsweredEvents(long maxEntries, Duration keepFor) {
        this.replies = RecentAnswers.cache(maxEntries, keepFor);
    }

    /** The reply to give {@code event} again, as a redelivery; empty when it was not answered here (or is gone). */
    Optional<EventReply> replyAgain(Key event) {
        return replies.map(cache -> cache.getIfPresent(event));
    }

    /** Keeps {@code reply}, the entity's answer to {@code event}, if the entity keeps it for redeliveries too. */
    void answered(Key event, EventReply reply) {
        if (reply.origin().isRemembered()) {
            replies.ifPresent(cache -> cache.put(event, reply.asRedelivery()));
        }
    }
}
