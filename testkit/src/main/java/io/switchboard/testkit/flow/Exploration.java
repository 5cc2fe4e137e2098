package io.switchboard.testkit.flow;

import java.util.List;
import java.util.Objects;

/**
 * What {@link FlowExplorer} found walking a flow: every finding with the caller's moves that reach it, and how far
 * the walk went. {@link #toString} reads as a report; {@link #assertClean} fails a test with it.
 *
 * @param findings     in the order found: shorter paths first
 * @param paths        the calls placed, one per path of caller moves
 * @param states       the distinct places the caller was asked to act at (what they heard, and the call's state)
 * @param stoppedShort why the walk did not reach every place within its depth ({@code null}: it did)
 */
public record Exploration(List<Finding> findings, int paths, int states, String stoppedShort) {

    /** What kind of trouble a caller can run into. */
    public enum Kind {
        /** The call ended by the flow with nothing said in its last reply: an empty reply, a bare hang-up. */
        DEAD_END,
        /** The caller is kept going round: every move leads back, only hanging up ends the call. */
        LOOP,
        /** The caller heard the fallback: the flow threw, its future failed, it did not answer in time. */
        FALLBACK,
        /** The flow's BXML broke a rule for its event, so the fallback went out instead. */
        BXML_RULE,
        /** A reply names a callback URL whose event no handler of the flow serves (the default drops it). */
        UNSERVED_CALLBACK,
        /** A reply failed another of the simulator's checks (deadline, an unusable URL, ...). */
        CHECK_FAILED
    }

    /**
     * One thing a caller can run into.
     *
     * @param path   the caller's moves from the start of the call, e.g. {@code [press 1, stay silent, hang up]}
     * @param detail what happened, with the cause where there is one
     */
    public record Finding(Kind kind, List<String> path, String detail) {
        public Finding {
            Objects.requireNonNull(kind, "kind");
            path = List.copyOf(path);
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String toString() {
            return kind + " after " + (path.isEmpty() ? "the call started" : String.join(", ", path)) + ": " + detail;
        }
    }

    public Exploration {
        findings = List.copyOf(findings);
    }

    /** The findings of one kind. */
    public List<Finding> findings(Kind kind) {
        return findings.stream().filter(finding -> finding.kind() == kind).toList();
    }

    /** Fails, with this report, when anything was found. */
    public Exploration assertClean() {
        if (!findings.isEmpty()) {
            throw new AssertionError(toString());
        }
        return this;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("explored ")
                .append(paths)
                .append(" paths through ")
                .append(states)
                .append(" states: ");
        text.append(findings.isEmpty() ? "nothing found" : findings.size() + " findings");
        if (stoppedShort != null) {
            text.append(" (").append(stoppedShort).append(')');
        }
        findings.forEach(finding -> text.append("\n  ").append(finding));
        return text.toString();
    }
}
