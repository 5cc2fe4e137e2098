package io.switchboard.bootstrap;

import io.switchboard.testkit.simulator.SimulationSummary;
import io.switchboard.testkit.simulator.Violation;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The simulator's summary as a person reads it at the end of a run. */
final class SummaryText {
    private static final int VIOLATIONS_SHOWN = 20;

    private SummaryText() {}

    static String render(SimulationSummary summary, URI target) {
        StringBuilder text = new StringBuilder();
        line(
                text,
                "Simulated %d calls against %s in %.1f s (%.1f calls/s, %.1f events/s)",
                summary.callsCompleted(),
                target,
                summary.wallSeconds(),
                summary.callsPerSecond(),
                summary.eventsPerSecond());
        line(
                text,
                "  calls       %d completed of %d, %d failed by the service, %d cut at the event limit",
                summary.callsCompleted(),
                summary.callsPlanned(),
                summary.callsFailed(),
                summary.callsCut());
        line(text, "  callers     %s", counts(summary.callsByProfile()));
        line(text, "  endings     %s", counts(summary.endings()));
        line(text, "  events      %d: %s", summary.events(), counts(summary.eventsByType()));
        line(
                text,
                "  statuses    %s; non-2xx %d, invalid BXML %d",
                counts(summary.statuses()),
                summary.non2xx(),
                summary.invalidBxml());
        SimulationSummary.Latency latency = summary.latency();
        line(
                text,
                "  latency ms  p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  mean %.2f",
                latency.p50(),
                latency.p90(),
                latency.p99(),
                latency.p999(),
                latency.max(),
                latency.mean());
        if (!summary.faults().isEmpty()) {
            line(text, "  faults      %s", counts(summary.faults()));
        }
        if (summary.passed()) {
            line(text, "  checks      PASSED: every reply had the right status, content type and valid BXML, in time");
        } else {
            line(
                    text,
                    "  checks      FAILED: %d violations (%s)",
                    summary.violationCount(),
                    counts(summary.violationsByCheck()));
            summary.violations().stream()
                    .limit(VIOLATIONS_SHOWN)
                    .map(Violation::toString)
                    .forEach(violation -> line(text, "    %s", violation));
            if (summary.violationCount() > VIOLATIONS_SHOWN) {
                line(
                        text,
                        "    ... and %d more (--json lists the first %d)",
                        summary.violationCount() - VIOLATIONS_SHOWN,
                        summary.violations().size());
            }
            summary.errors().forEach(error -> line(text, "  simulator error: %s", error));
        }
        return text.toString().stripTrailing();
    }

    /** An outbound campaign: the calls' summary, then what placing them found. */
    static String render(OutboundCampaign.Report report, URI target) {
        StringBuilder text = new StringBuilder(render(report.summary(), target)).append(System.lineSeparator());
        line(
                text,
                "  placed      %d of %d through POST /admin/calls; %d not ended",
                report.placed(),
                report.planned(),
                report.notEnded());
        line(text, "  voice API   %s", counts(report.voiceApiRequests()));
        report.placeFailures().stream()
                .limit(VIOLATIONS_SHOWN)
                .forEach(failure -> line(text, "  not placed  %s", failure));
        line(text, "  campaign    %s", report.passed() ? "PASSED" : "FAILED");
        return text.toString().stripTrailing();
    }

    private static String counts(Map<String, Long> counts) {
        return counts.isEmpty()
                ? "none"
                : counts.entrySet().stream()
                        .map(entry -> entry.getKey() + " " + entry.getValue())
                        .collect(Collectors.joining(", "));
    }

    private static void line(StringBuilder text, String format, Object... values) {
        text.append(String.format(Locale.ROOT, format, values)).append(System.lineSeparator());
    }
}
