package io.switchboard.testkit.simulator;

import io.switchboard.domain.common.VoiceEvent;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Counts what a run does, from many threads at once: events by type, statuses, violations, faults, call endings,
 * and reply latency in an HdrHistogram (microsecond resolution, three significant digits).
 */
public final class SimulationStats implements CallObserver {
    /** How many violations a summary lists in full; all are counted. */
    public static final int KEPT_VIOLATIONS = 100;

    private static final int KEPT_ERRORS = 5;

    private final Histogram latencyMicros = new ConcurrentHistogram(3);
    private final LongAdder events = new LongAdder();
    private final LongAdder non2xx = new LongAdder();
    private final LongAdder invalidBxml = new LongAdder();
    private final LongAdder violationCount = new LongAdder();
    private final LongAdder callsCompleted = new LongAdder();
    private final LongAdder callsFailed = new LongAdder();
    private final LongAdder callsCut = new LongAdder();
    private final Map<String, LongAdder> eventsByType = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> violationsByCheck = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> callsByProfile = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> endings = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Violation> kept = new ConcurrentLinkedQueue<>();
    private final AtomicInteger keptCount = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

    /** Where a run stands, for a progress display. */
    public record Progress(long callsDone, long events, long violations) {}

    @Override
    public void delivered(String callId, URI url, VoiceEvent event, Delivery delivery, List<Violation> violations) {
        events.increment();
        count(eventsByType, event.eventType());
        count(statuses, String.valueOf(delivery.status()));
        if (delivery.status() < 200 || delivery.status() > 299) {
            non2xx.increment();
        }
        if (delivery.unreadable() != null
                || violations.stream().anyMatch(v -> ReplyChecks.BXML_RULES.equals(v.check()))) {
            invalidBxml.increment();
        }
        if (delivery.answered()) {
            latencyMicros.recordValue(Math.max(1, delivery.latency().toNanos() / 1_000));
        }
        violations.forEach(this::violation);
    }

    @Override
    public void violation(Violation violation) {
        violationCount.increment();
        count(violationsByCheck, violation.check());
        if (keptCount.getAndIncrement() < KEPT_VIOLATIONS) {
            kept.add(violation);
        }
    }

    @Override
    public void fault(String kind) {
        count(faults, kind);
    }

    @Override
    public void callEnded(String profile, CallOutcome outcome, boolean cutAtEventLimit) {
        callsCompleted.increment();
        count(callsByProfile, profile);
        count(endings, outcome.toString());
        if (outcome.failed()) {
            callsFailed.increment();
        }
        if (cutAtEventLimit) {
            callsCut.increment();
        }
    }

    /** A failure of the simulator itself while playing a call; the run goes on and does not pass. */
    void error(String callId, Throwable failure) {
        if (errors.size() < KEPT_ERRORS) {
            errors.add("call " + callId + ": " + failure);
        }
    }

    public Progress progress() {
        return new Progress(callsCompleted.sum(), events.sum(), violationCount.sum());
    }

    public SimulationSummary summary(long callsPlanned, Duration wall) {
        double seconds = Math.max(wall.toNanos() / 1e9, 1e-9);
        Histogram latency = latencyMicros.copy();
        long completed = callsCompleted.sum();
        long violations = violationCount.sum();
        return new SimulationSummary(
                violations == 0 && errors.isEmpty() && completed == callsPlanned,
                callsPlanned,
                completed,
                callsFailed.sum(),
                callsCut.sum(),
                sorted(callsByProfile),
                sorted(endings),
                events.sum(),
                sorted(eventsByType),
                sorted(statuses),
                non2xx.sum(),
                invalidBxml.sum(),
                sorted(faults),
                violations,
                sorted(violationsByCheck),
                List.copyOf(kept),
                new SimulationSummary.Latency(
                        millis(latency.getValueAtPercentile(50)),
                        millis(latency.getValueAtPercentile(90)),
                        millis(latency.getValueAtPercentile(99)),
                        millis(latency.getValueAtPercentile(99.9)),
                        millis(latency.getMaxValue()),
                        latency.getTotalCount() == 0 ? 0 : latency.getMean() / 1_000.0),
                seconds,
                events.sum() / seconds,
                completed / seconds,
                List.copyOf(errors));
    }

    private static double millis(long micros) {
        return micros / 1_000.0;
    }

    private static void count(Map<String, LongAdder> counts, String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }
}
