package io.switchboard.application.port.in;

import java.time.Instant;
import java.util.Locale;

/**
 * Which recent calls or conferences to list, and which page of them. Every criterion is optional
 * ({@code null}); those given must all hold.
 *
 * @param kind     calls or conferences
 * @param status   {@link ActivitySummary#LIVE} or {@link ActivitySummary#ENDED}
 * @param number   a caller or called number, or part of one
 * @param tag      part of the tag, ignoring case
 * @param fallback whether a fallback was seen (or not)
 * @param since    last seen at or after
 * @param until    first seen at or before
 * @param id       part of the call's or conference's id, ignoring case
 * @param offset   entries to skip, newest first
 * @param limit    entries to return, at most {@link #MAX_LIMIT}
 */
public record ActivityFilter(
        HandledEvent.EntityKind kind,
        String status,
        String number,
        String tag,
        Boolean fallback,
        Instant since,
        Instant until,
        String id,
        int offset,
        int limit) {
    public static final int MAX_LIMIT = 200;

    public ActivityFilter {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (status != null && !status.equals(ActivitySummary.LIVE) && !status.equals(ActivitySummary.ENDED)) {
            throw new IllegalArgumentException("status must be " + ActivitySummary.LIVE + " or " + ActivitySummary.ENDED
                    + ", not '" + status + "'");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
        }
    }

    /** The first {@code limit} of every call or conference the index holds. */
    public static ActivityFilter all(HandledEvent.EntityKind kind, int limit) {
        return new ActivityFilter(kind, null, null, null, null, null, null, null, 0, limit);
    }

    public boolean matches(ActivitySummary summary) {
        return summary.kind() == kind
                && (status == null || status.equals(summary.status()))
                && (number == null || contains(summary.from(), number) || contains(summary.to(), number))
                && (tag == null || containsIgnoringCase(summary.tag(), tag))
                && (fallback == null || fallback == summary.fallbackSeen())
                && (since == null || !summary.lastSeen().isBefore(since))
                && (until == null || !summary.firstSeen().isAfter(until))
                && (id == null || containsIgnoringCase(summary.id(), id));
    }

    /** Where the page ends: the entries before it, newest first. */
    public int end() {
        return offset + limit;
    }

    /** How many entries each node returns: enough for the merged page, and one more to tell whether more match. */
    public int window() {
        return end() + 1;
    }

    private static boolean contains(String value, String part) {
        return value != null && value.contains(part);
    }

    private static boolean containsIgnoringCase(String value, String part) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }
}
