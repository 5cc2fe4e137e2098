package io.switchboard.adapters.http.json;

import java.util.function.Function;

/**
 * Values made lately from texts, by their text: what the webhooks of one call repeat is made once and kept once.
 * Every event of a call repeats the call's id, URL, caller and its start and answer times, and an entity remembers
 * its recent events (an ended call's for its retention), so each would otherwise hold copies of its own; parsing
 * the times with the JDK's formatter alone took about 4 % of the service's CPU under whole calls.
 *
 * <p>A slot per hash where the newest text wins, not a cache with bookkeeping: most texts (each event's own time
 * or id) are seen once, so a miss must cost no more than making the value. Not the JDK's string table either: its
 * entries are weak references, and the collector visits every one of them at each young collection, a pause that
 * grows with the texts the node keeps (a million interned ids put ~20 ms on every young collection). Threads share
 * the slots without locks: a slot holds an immutable pair, so a reader sees a whole pair or an older one, and a
 * lost write is a later miss, as is a text whose slot another text took since.
 */
final class RecentValues<T> {
    private record Made<T>(String text, T value) {}

    private final Made<T>[] slots;
    private final Function<String, T> make;

    /**
     * @param slots a power of two: far more than the distinct texts of the calls in flight between two events of one
     * @param make  the value of a text; what it throws, {@link #of} throws, every time
     */
    @SuppressWarnings("unchecked") // an array of a generic record
    RecentValues(int slots, Function<String, T> make) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, was " + slots);
        }
        this.slots = (Made<T>[]) new Made<?>[slots];
        this.make = make;
    }

    /** Texts kept as they are: one copy of each text seen lately. */
    static RecentValues<String> texts(int slots) {
        return new RecentValues<>(slots, Function.identity());
    }

    /** The value of {@code text}: the one made lately for an equal text, or a new one. */
    T of(String text) {
        int hash = text.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (slots.length - 1);
        Made<T> recent = slots[slot];
        if (recent != null && recent.text.equals(text)) {
            return recent.value;
        }
        T value = make.apply(text);
        slots[slot] = new Made<>(text, value);
        return value;
    }
}
