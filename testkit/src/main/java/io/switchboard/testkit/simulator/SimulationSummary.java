package io.switchboard.testkit.simulator;

import java.util.List;
import java.util.Map;

/**
 * What a simulation run found: how the calls went, every event sent, every reply's status and checks, latency
 * percentiles and throughput. Plain values, so it renders as JSON as it is.
 *
 * @param passed           no reply failed a check and no call broke the simulator
 * @param callsCompleted   calls played to their end (their last asynchronous event delivered)
 * @param callsFailed      of those, calls the service made fail ({@code callback-error}, {@code invalid-bxml})
 * @param callsCut         of those, calls whose caller hung up at the script's event limit
 * @param endings          calls by how they ended: {@code hung up by caller}, {@code hangup}, {@code callback-error}...
 * @param statuses         replies by HTTP status ({@code 0}: no answer)
 * @param non2xx           replies with a status outside 200-299 (or none)
 * @param invalidBxml      replies whose BXML could not be read or broke a rule for its event
 * @param faults           faults injected, by kind, and connection errors retried
 * @param violations       the first violations found (at most {@link SimulationStats#KEPT_VIOLATIONS})
 * @param errors           failures of the simulator itself (never the service's), at most a few
 */
public record SimulationSummary(
        boolean passed,
        long callsPlanned,
        long callsCompleted,
        long callsFailed,
        long callsCut,
        Map<String, Long> callsByProfile,
        Map<String, Long> endings,
        long events,
        Map<String, Long> eventsByType,
        Map<String, Long> statuses,
        long non2xx,
        long invalidBxml,
        Map<String, Long> faults,
        long violationCount,
        Map<String, Long> violationsByCheck,
        List<Violation> violations,
        Latency latency,
        double wallSeconds,
        double eventsPerSecond,
        double callsPerSecond,
        List<String> errors) {

    /** Reply latency in milliseconds, over every delivery. */
    public record Latency(double p50, double p90, double p99, double p999, double max, double mean) {}

    /** How many events of {@code eventType} were sent; 0 when none. */
    public long eventCount(String eventType) {
        return eventsByType.getOrDefault(eventType, 0L);
    }
}
