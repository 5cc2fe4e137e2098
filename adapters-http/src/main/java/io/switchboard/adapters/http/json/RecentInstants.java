package io.switchboard.adapters.http.json;

import java.time.Instant;

/**
 * ISO-8601 instants parsed lately, by their text. Every event of a call repeats the call's start and answer times,
 * and parsing them with the JDK's formatter took about 4 % of the service's CPU under whole calls; an event also
 * keeps the one {@link Instant} its call's earlier events got, instead of a copy of its own for each remembered
 * event.
 *
 * <p>A slot per hash where the newest text wins, not a cache with bookkeeping: most texts (each event's own time)
 * are seen once, so a miss must cost no more than the parse it falls back to. Threads share the slots without
 * locks: a slot holds an immutable pair, so a reader sees a whole pair or an older one, and a lost write is a
 * later miss.
 */
final class RecentInstants {
    /** Slots (a power of two): far more than the distinct times of the calls a node has in flight at once. */
    private static final int SLOTS = 4096;

    private record Parsed(String text, Instant instant) {}

    private final Parsed[] slots = new Parsed[SLOTS];

    /** {@code text} as {@link Instant#parse} reads it, failing as it fails. */
    Instant parse(String text) {
        int hash = text.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        Parsed recent = slots[slot];
        if (recent != null && recent.text.equals(text)) {
            return recent.instant;
        }
        Instant parsed = Instant.parse(text);
        slots[slot] = new Parsed(text, parsed);
        return parsed;
    }
}
