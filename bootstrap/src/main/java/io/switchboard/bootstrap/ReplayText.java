package io.switchboard.bootstrap;

import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.domain.verb.Response;
import io.switchboard.testkit.simulator.Replay;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A replay's report for people (each event, and both replies where they differ) and for machines. */
final class ReplayText {
    private static final BxmlWriter bxml = new BxmlWriter();

    private ReplayText() {}

    static String render(Replay.Report report, URI url) {
        StringBuilder text = new StringBuilder()
                .append("Replayed ")
                .append(report.steps().size())
                .append(" events against ")
                .append(url)
                .append(" as call ")
                .append(report.callId())
                .append('\n');
        for (Replay.Step step : report.steps()) {
            text.append("  %3d %-28s %s%n".formatted(step.index(), step.eventType(), step.same() ? "same" : "DIFFERS"));
            if (!step.same()) {
                if (step.problem() != null) {
                    text.append("      ").append(step.problem()).append('\n');
                }
                text.append("      recorded (")
                        .append(step.recordedOrigin())
                        .append("): ")
                        .append(bxmlOf(step.recorded()))
                        .append('\n')
                        .append("      now:           ")
                        .append(bxmlOf(step.now()))
                        .append('\n');
            }
        }
        int differences = report.differences().size();
        return text.append(
                        differences == 0
                                ? "PASSED: every reply is the recorded one"
                                : "FAILED: " + differences + " of "
                                        + report.steps().size() + " replies differ")
                .toString();
    }

    /** The report as JSON-ready maps, the replies as BXML text. */
    static Map<String, Object> json(Replay.Report report) {
        List<Map<String, Object>> steps = report.steps().stream()
                .map(step -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("index", step.index());
                    entry.put("eventType", step.eventType());
                    entry.put("same", step.same());
                    entry.put("recordedOrigin", step.recordedOrigin());
                    entry.put("recorded", step.recorded() == null ? null : bxml.write(step.recorded()));
                    entry.put("now", step.now() == null ? null : bxml.write(step.now()));
                    entry.put("problem", step.problem());
                    return entry;
                })
                .toList();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("callId", report.callId());
        document.put("passed", report.passed());
        document.put("steps", steps);
        return document;
    }

    private static String bxmlOf(Response response) {
        return response == null ? "(empty 200)" : bxml.write(response);
    }
}
