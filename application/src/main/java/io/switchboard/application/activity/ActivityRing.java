package io.switchboard.application.activity;

import io.switchboard.application.port.in.ActivityFilter;
import io.switchboard.application.port.in.ActivitySummary;
import io.switchboard.application.port.in.HandledEvent;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node's bounded memory of recent calls and conferences: at most {@code capacity} entries, the least
 * recently active forgotten first. Not thread-safe: its actor owns it.
 */
final class ActivityRing {
    private final ActivitySettings settings;
    /** Least recently active first: an update moves its entry to the end. */
    private final LinkedHashMap<String, ActivitySummary> entries = new LinkedHashMap<>();

    ActivityRing(ActivitySettings settings) {
        this.settings = settings;
    }

    void record(HandledEvent event) {
        String key = event.kind() + "/" + event.entityId();
        ActivitySummary known = entries.remove(key);
        entries.put(key, known == null ? ActivitySummary.first(event) : known.with(event, settings.eventsPerEntity()));
        if (entries.size() > settings.capacity()) {
            Iterator<Map.Entry<String, ActivitySummary>> oldest =
                    entries.entrySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** The newest {@code filter.window()} entries that match, newest first. */
    List<ActivitySummary> matching(ActivityFilter filter) {
        return entries.values().stream()
                .filter(filter::matches)
                .sorted(ActivitySummary.NEWEST_FIRST)
                .limit(filter.window())
                .toList();
    }

    int size() {
        return entries.size();
    }
}
