package io.switchboard.adapters.http.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.http.metrics.ReplyHistory;
import io.switchboard.application.port.in.HandledEvent;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.control.IssuedRequest;
import io.switchboard.domain.control.RequestOutcome;
import io.switchboard.domain.entity.EntityInspection;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.TimelineEntry;
import io.switchboard.domain.flow.FlowData;
import io.switchboard.domain.verb.Credentials;
import java.time.Instant;
import java.util.List;

/** What the admin API answers, as JSON documents of its own shape around the domain's state and events. */
final class AdminViews {
    private final BxmlWriter bxmlWriter;

    AdminViews(BxmlWriter bxmlWriter) {
        this.bxmlWriter = bxmlWriter;
    }

    /**
     * A call or conference: its state as the domain keeps it, its events oldest first, and its flow's data.
     *
     * @param id       the id as asked for
     * @param flowData the flow's data as the latest event that set it left it, as the JSON it is stored as;
     *                 {@code null} when none was set
     */
    record EntityView(
            String id,
            Object state,
            List<TimelineView> timeline,
            List<HandledEvent> handled,
            @JsonRawValue String flowData) {}

    /**
     * This node's replies over the last hour.
     *
     * @param intervalSeconds how long each point spans
     */
    record HistoryView(long intervalSeconds, List<ReplyHistory.Point> points) {}

    /**
     * One event of the timeline.
     *
     * @param origin   FLOW, REDELIVERY or the fallback's cause; {@code null} while the flow works on it
     * @param fallback whether the reply was a fallback
     * @param reply    the BXML document sent, as text; {@code null} for an empty reply, or while pending
     * @param event    the event as decoded, every field
     * @param requests the call-control requests the flow made, issued after the reply, with their outcomes
     * @param flowData the flow data this event set, as JSON; {@code null} when it set none
     */
    record TimelineView(
            Instant receivedAt,
            String eventType,
            Instant eventTime,
            String origin,
            boolean fallback,
            String reply,
            VoiceEvent event,
            List<RequestView> requests,
            @JsonRawValue String flowData) {}

    /**
     * One call-control request of the timeline.
     *
     * @param status   SUCCEEDED, FAILED, UNKNOWN, or {@code null} while on its way
     * @param detail   the created call's id, or what went wrong
     * @param request  the request, every field but the passwords
     */
    record RequestView(String id, String operation, String status, String detail, Instant settledAt, Object request) {
        static RequestView of(IssuedRequest issued) {
            RequestOutcome outcome = issued.outcome();
            return new RequestView(
                    issued.id(),
                    issued.request().operation(),
                    outcome == null ? null : outcome.status().name(),
                    outcome == null ? null : outcome.detail(),
                    outcome == null ? null : outcome.at(),
                    issued.request());
        }
    }

    /** Credentials a request carries are shown without their passwords. */
    @JsonIgnoreProperties({"password", "fallbackPassword"})
    private interface WithoutPasswords {}

    /**
     * @param handled the entity's events as the nodes that answered them saw them (node, latency), from the
     *                activity index; the console pairs them with the timeline by event type and time
     */
    EntityView entity(String id, EntityInspection inspection, List<HandledEvent> handled) {
        return new EntityView(
                id,
                inspection.state(),
                inspection.timeline().stream().map(this::entry).toList(),
                handled,
                json(inspection.flowData()));
    }

    private static String json(FlowData data) {
        return data == null ? null : data.json();
    }

    HistoryView history(ReplyHistory history) {
        return new HistoryView(history.interval().toSeconds(), history.points());
    }

    private TimelineView entry(TimelineEntry entry) {
        EventReply reply = entry.reply();
        VoiceEvent event = entry.event();
        return new TimelineView(
                entry.receivedAt(),
                event.eventType(),
                event.eventTime(),
                reply == null ? null : reply.origin().name(),
                reply != null && reply.origin().isFallback(),
                reply == null ? null : reply.bxml().map(bxmlWriter::write).orElse(null),
                event,
                entry.requests().stream().map(RequestView::of).toList(),
                json(entry.flowData()));
    }

    /**
     * {@code base} (our webhook mapper) writing identifiers as their plain text and durations as ISO-8601
     * ({@code PT20.056S}), as operators read them.
     */
    static ObjectMapper jsonMapper(ObjectMapper base) {
        SimpleModule identifiers = new SimpleModule("AdminIdentifiers")
                .addSerializer(CallId.class, ToStringSerializer.instance)
                .addSerializer(ConferenceId.class, ToStringSerializer.instance);
        identifiers.setMixInAnnotation(Credentials.class, WithoutPasswords.class);
        return base.copy().registerModule(identifiers).disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    }
}
