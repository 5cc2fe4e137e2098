package io.switchboard.domain.entity;

import io.switchboard.domain.common.VoiceEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * One event an entity took: the event as it came, when the service received it, and the reply it got. The
 * reply's origin tells whether the flow answered, a redelivery was answered as before, or a fallback went out.
 *
 * @param reply {@code null} while the flow still works on the event
 */
public record TimelineEntry(VoiceEvent event, Instant receivedAt, EventReply reply) {
    public TimelineEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The event the flow works on now. */
    public static TimelineEntry pending(VoiceEvent event, Instant receivedAt) {
        return new TimelineEntry(event, receivedAt, null);
    }

    public boolean answered() {
        return reply != null;
    }

    /** An answer given again to an event seen before: it changes nothing but the timeline. */
    public boolean isRedelivery() {
        return answered() && reply().origin() == ReplyOrigin.REDELIVERY;
    }
}
