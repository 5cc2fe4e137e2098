package io.switchboard.adapters.http.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentValuesTest {
    private final RecentValues<Instant> instants = new RecentValues<>(4096, Instant::parse);

    @Test
    void readsWhatTheJdkReads() {
        for (String text : List.of(
                "2026-12-05T01:02:03Z",
                "2026-12-05T01:02:03.4Z",
                "2026-12-05T01:02:03.456789123Z",
                "1970-01-01T00:00:00Z",
                "2024-02-29T23:59:59.999Z")) {
            assertEquals(Instant.parse(text), instants.of(text), text);
        }
    }

    @Test
    void theSameTextGivesTheSameInstantOnce() {
        Instant first = instants.of(new String("2026-12-05T01:02:03.104Z"));

        assertSame(first, instants.of(new String("2026-12-05T01:02:03.104Z")));
    }

    @Test
    void textsThatShareASlotEachReadTheirOwnValue() {
        // Many more texts than slots: most share a slot with another, and each must still read as itself.
        List<String> texts = new ArrayList<>();
        Instant start = Instant.parse("2026-12-05T00:00:00Z");
        for (int i = 0; i < 20_000; i++) {
            texts.add(start.plusMillis(i * 7L).toString());
        }
        texts.forEach(instants::of);

        for (String text : texts) {
            assertEquals(Instant.parse(text), instants.of(text), text);
        }
    }

    @Test
    void textsAreKeptAsOneCopyEach() {
        RecentValues<String> texts = RecentValues.texts(16);
        String first = texts.of(new String("c-86ca7e4e-1a2b"));

        assertSame(first, texts.of(new String("c-86ca7e4e-1a2b")));
        assertEquals("c-0000", texts.of("c-0000"));
    }

    @Test
    void slotsMustBeAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> RecentValues.texts(1000));
    }

    @Test
    void aTextTheJdkRefusesIsRefusedEveryTime() {
        assertThrows(DateTimeException.class, () -> instants.of("2026-12-05 01:02:03"));
        assertThrows(DateTimeException.class, () -> instants.of("2026-12-05 01:02:03"));
    }
}
