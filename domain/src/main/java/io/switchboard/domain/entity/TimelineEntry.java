package io.switchboard.domain.entity;

import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.control.CallControlRequest;
import io.switchboard.domain.control.IssuedRequest;
import io.switchboard.domain.control.RequestOutcome;
import io.switchboard.domain.flow.FlowData;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One event an entity took: the event as it came, when the service received it, the reply it got, and the
 * call-control requests its flow made. The reply's origin tells whether the flow answered, a redelivery was
 * answered as before, or a fallback went out. The requests are stored with the entry, issued after it, and keep
 * their outcomes here; a redelivery's entry has none, so nothing is ever issued twice for one event.
 *
 * @param reply    {@code null} while the flow still works on the event
 * @param requests the flow's call-control requests, in the order it made them
 * @param flowData the flow data the flow set with this event, stored with it; {@code null} if it set none
 */
public record TimelineEntry(
        VoiceEvent event, Instant receivedAt, EventReply reply, List<IssuedRequest> requests, FlowData flowData) {
    public TimelineEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(receivedAt, "receivedAt");
        // Entries stored before requests existed have none.
        requests = requests == null ? List.of() : List.copyOf(requests);
    }

    /** An entry that sets no flow data. */
    public TimelineEntry(VoiceEvent event, Instant receivedAt, EventReply reply, List<IssuedRequest> requests) {
        this(event, receivedAt, reply, requests, null);
    }

    /** An entry without call-control requests or flow data. */
    public TimelineEntry(VoiceEvent event, Instant receivedAt, EventReply reply) {
        this(event, receivedAt, reply, List.of());
    }

    /**
     * The entry of an answered event, its flow's requests each given an id of its own and not yet issued, and the
     * flow data it set ({@code null}: none).
     */
    public static TimelineEntry answered(
            VoiceEvent event,
            Instant receivedAt,
            EventReply reply,
            List<CallControlRequest> requests,
            FlowData flowData) {
        return new TimelineEntry(
                event,
                receivedAt,
                reply,
                requests.stream()
                        .map(request -> new IssuedRequest(UUID.randomUUID().toString(), request, null))
                        .toList(),
                flowData);
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

    /** The same entry with the request {@code requestId}, if it holds it, settled as {@code outcome}. */
    TimelineEntry settling(String requestId, RequestOutcome outcome) {
        if (requests.stream().noneMatch(request -> request.id().equals(requestId))) {
            return this;
        }
        return new TimelineEntry(
                event,
                receivedAt,
                reply,
                requests.stream()
                        .map(request -> request.id().equals(requestId) ? request.settledAs(outcome) : request)
                        .toList(),
                flowData);
    }
}
