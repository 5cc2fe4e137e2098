package io.switchboard.application.port.in;

import java.util.List;

/**
 * One page of recent calls or conferences, newest first, merged from every node's index.
 *
 * @param more      whether entries beyond this page matched
 * @param nodes     how many nodes answered
 * @param unanswered the nodes whose index did not answer in time: their entries are missing
 */
public record ActivityPage(
        List<ActivitySummary> items, int offset, int limit, boolean more, int nodes, List<String> unanswered) {
    public ActivityPage {
        items = List.copyOf(items);
        unanswered = List.copyOf(unanswered);
    }
}
