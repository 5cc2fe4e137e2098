package io.switchboard.adapters.bandwidth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The adapter's metrics: each try's latency by operation and answer, each request's outcome, the retries, and the
 * creates waiting for their turn. In Prometheus: {@code switchboard_bandwidth_attempt_seconds},
 * {@code switchboard_bandwidth_requests_total}, {@code switchboard_bandwidth_retries_total},
 * {@code switchboard_bandwidth_create_queue}.
 */
final class VoiceApiTelemetry {

    private final MeterRegistry registry;

    VoiceApiTelemetry(MeterRegistry registry, Supplier<Number> createsWaiting) {
        this.registry = registry;
        Gauge.builder("switchboard.bandwidth.create.queue", createsWaiting)
                .description("Calls waiting for their turn to be created")
                .register(registry);
    }

    /**
     * One try: {@code answer} is the HTTP status, or {@code timeout} / {@code unreachable} when none came.
     */
    void attempt(String operation, String answer, Duration took) {
        Timer.builder("switchboard.bandwidth.attempt")
                .description("Latency of each try of a Voice API request")
                .tag("operation", operation)
                .tag("answer", answer)
                .register(registry)
                .record(took);
    }

    /** One request's end: {@code ok} or the failure's kind. */
    void outcome(String operation, String outcome) {
        Counter.builder("switchboard.bandwidth.requests")
                .description("Voice API requests by outcome, after any retries")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    void retry(String operation, String reason) {
        Counter.builder("switchboard.bandwidth.retries")
                .description("Voice API requests tried again")
                .tag("operation", operation)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
