package io.switchboard.bootstrap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.application.port.out.VoiceEventListener;
import io.switchboard.domain.call.ApplicationFlows;
import io.switchboard.domain.call.CallEvent;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EventReply;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Counts call events by the application whose flow answered them: {@code switchboard.application.events} labelled
 * with each configured application id, or {@code default} for the calls the default flow answers; those that named
 * an application without a flow of its own are also counted in {@code switchboard.application.unknown.events} (a
 * counter without the id: ids that come with requests would make the labels unbounded).
 */
final class ApplicationTelemetry implements VoiceEventListener {
    static final String EVENTS = "switchboard.application.events";
    static final String UNKNOWN = "switchboard.application.unknown.events";
    static final String DEFAULT = "default";

    private final ApplicationFlows flows;
    private final Map<String, Counter> byApplication;
    private final Counter byDefault;
    private final Counter unknown;

    ApplicationTelemetry(ApplicationFlows flows, MeterRegistry registry) {
        this.flows = flows;
        this.byApplication = flows.byApplication().keySet().stream()
                .collect(Collectors.toUnmodifiableMap(id -> id, id -> events(registry, id)));
        this.byDefault = events(registry, DEFAULT);
        this.unknown = Counter.builder(UNKNOWN)
                .description("Call events naming an application without a flow of its own (the default flow answers)")
                .register(registry);
    }

    private static Counter events(MeterRegistry registry, String application) {
        return Counter.builder(EVENTS)
                .description("Call events answered, by the application whose flow answered them")
                .tag("application", application)
                .register(registry);
    }

    @Override
    public void onHandled(VoiceEvent event, EventReply reply, Duration latency) {
        if (!(event instanceof CallEvent call)) {
            return;
        }
        String applicationId = call.call().applicationId();
        if (flows.serves(applicationId)) {
            byApplication.get(applicationId).increment();
            return;
        }
        byDefault.increment();
        if (applicationId != null) {
            unknown.increment();
        }
    }
}
