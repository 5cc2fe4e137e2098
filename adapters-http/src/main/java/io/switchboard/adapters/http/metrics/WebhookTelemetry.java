package io.switchboard.adapters.http.metrics;

import static akka.http.javadsl.server.Directives.extractRequest;
import static akka.http.javadsl.server.Directives.mapResponse;

import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.Route;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.adapters.http.WebhookMonitor;
import io.switchboard.application.port.out.VoiceEventListener;
import io.switchboard.domain.call.UnrecognizedCallEvent;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.UnrecognizedConferenceEvent;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One INFO line and the metrics of every webhook. A webhook that became an event is told by the application
 * once answered (a {@link VoiceEventListener}: off the reply path, with the event, its reply and the latency);
 * one refused before it became an event (400, 401, 413...) is seen by {@link #observed} around the routes.
 * <ul>
 *   <li>{@code switchboard_webhooks_total{event_type, status}}: every webhook; {@code event_type} is
 *       {@value #UNRECOGNIZED} for types this version does not know and {@value #REFUSED} for one refused
 *       before its type was read;</li>
 *   <li>{@code switchboard_webhook_reply_seconds{event_type}}: a histogram of the time to the reply;</li>
 *   <li>{@code switchboard_webhook_fallbacks_total{cause}}: replies that were a fallback, by their origin;</li>
 *   <li>{@code switchboard_webhooks_unrecognized_total}: events of types this version does not know.</li>
 * </ul>
 */
public final class WebhookTelemetry implements VoiceEventListener, WebhookMonitor {
    private static final Logger log = LoggerFactory.getLogger(WebhookTelemetry.class);
    static final String UNRECOGNIZED = "unrecognized";
    static final String REFUSED = "refused";
    private static final String WEBHOOKS = "switchboard.webhooks";
    /** Fine where Bandwidth's replies usually are, coarse up to the reply deadline and beyond. */
    private static final Duration[] REPLY_BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)
    };

    private final MeterRegistry registry;
    /** The meters of every webhook, by event type (a bounded set): found once, not looked up per webhook. */
    private final Map<String, AnsweredMeters> answeredByType = new ConcurrentHashMap<>();

    private record AnsweredMeters(Counter answered, Timer reply) {}

    public WebhookTelemetry(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    private AnsweredMeters answeredMeters(String type) {
        return answeredByType.computeIfAbsent(
                type,
                label -> new AnsweredMeters(
                        registry.counter(WEBHOOKS, "event_type", label, "status", "200"),
                        Timer.builder("switchboard.webhook.reply")
                                .description("Time from a webhook's event reaching the application to its reply")
                                .tag("event_type", label)
                                .serviceLevelObjectives(REPLY_BUCKETS)
                                .register(registry)));
    }

    @Override
    public void onHandled(VoiceEvent event, EventReply reply, Duration latency) {
        if (reply.origin() == ReplyOrigin.NOT_STORED) {
            // Answered 503, not handled: counted and logged with the other refused webhooks (observed).
            return;
        }
        String type = typeLabel(event);
        AnsweredMeters meters = answeredMeters(type);
        meters.answered().increment();
        meters.reply().record(latency);
        if (reply.origin().isFallback()) {
            registry.counter(
                            "switchboard.webhook.fallbacks",
                            "cause",
                            reply.origin().name())
                    .increment();
        }
        if (type.equals(UNRECOGNIZED)) {
            registry.counter("switchboard.webhooks.unrecognized").increment();
        }
        long millis = latency.toMillis();
        try (var id = MDC.putCloseable(event.entityIdName(), event.entityId());
                var eventType = MDC.putCloseable("eventType", event.eventType());
                var status = MDC.putCloseable("status", "200");
                var latencyMs = MDC.putCloseable("latencyMs", Long.toString(millis));
                var origin = MDC.putCloseable("origin", reply.origin().name())) {
            log.info("webhook {} answered 200 in {} ms ({})", event.eventType(), millis, reply.origin());
        }
    }

    // An unrecognized event that named its call or conference is counted when its entity has answered (onHandled).

    @Override
    public void unattributedEvent(String eventType) {
        registry.counter("switchboard.webhooks.unattributed").increment();
    }

    @Override
    public void unparsedFields(String eventType, Set<String> fields) {
        registry.counter("switchboard.webhooks.unparsed.fields").increment(fields.size());
    }

    @Override
    public void shed() {
        registry.counter("switchboard.webhooks.shed").increment();
    }

    @Override
    public void connectionRefused() {
        registry.counter("switchboard.webhooks.connections.refused").increment();
    }

    @Override
    public void replyReplacedByFallback(String eventType) {
        registry.counter("switchboard.webhook.fallbacks", "cause", "UNRENDERABLE_BXML")
                .increment();
    }

    /** {@code webhooks}, with every webhook refused before it became an event counted and logged. */
    public Route observed(Route webhooks) {
        return extractRequest(request -> {
            long started = System.nanoTime();
            return mapResponse(
                    response -> {
                        if (isRefusedWebhook(request, response)) {
                            refused(request, response, Duration.ofNanos(System.nanoTime() - started));
                        }
                        return response;
                    },
                    () -> webhooks);
        });
    }

    private static boolean isRefusedWebhook(HttpRequest request, HttpResponse response) {
        return !response.status().isSuccess() && request.getUri().path().startsWith("/voice");
    }

    private void refused(HttpRequest request, HttpResponse response, Duration latency) {
        String status = Integer.toString(response.status().intValue());
        registry.counter(WEBHOOKS, "event_type", REFUSED, "status", status).increment();
        long millis = latency.toMillis();
        // The path only: query strings may carry secrets.
        try (var statusKey = MDC.putCloseable("status", status);
                var latencyMs = MDC.putCloseable("latencyMs", Long.toString(millis))) {
            log.info(
                    "webhook {} {} refused {} in {} ms",
                    request.method().name(),
                    request.getUri().path(),
                    status,
                    millis);
        }
    }

    private static String typeLabel(VoiceEvent event) {
        // Bandwidth may send any new type: its name would be a label value without bound.
        return event instanceof UnrecognizedCallEvent || event instanceof UnrecognizedConferenceEvent
                ? UNRECOGNIZED
                : event.eventType();
    }
}
