package io.switchboard.adapters.http.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyHistoryTest {
    private static final GatherCompleted EVENT =
            new GatherCompleted(CallDetails.builder(CallId.of("c-1")).build(), "1", "#");

    /** Reads the time it is set to. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-25T10:00:30Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void eachMinuteCountsItsRepliesAndFallbacksAndKnowsItsPercentilesAndTheWindowMovesOn() {
        ManualClock clock = new ManualClock();
        ReplyHistory history = new ReplyHistory(clock, Duration.ofMinutes(1), 3);
        for (int millis = 1; millis <= 100; millis++) {
            history.onHandled(EVENT, new EventReply(null, ReplyOrigin.FLOW), Duration.ofMillis(millis));
        }
        history.onHandled(EVENT, new EventReply(null, ReplyOrigin.DEADLINE_EXCEEDED), Duration.ofSeconds(5));
        clock.now = clock.now.plusSeconds(60);
        history.onHandled(EVENT, new EventReply(null, ReplyOrigin.FLOW), Duration.ofMillis(3));

        List<ReplyHistory.Point> points = history.points();

        assertEquals(3, points.size());
        assertEquals(0, points.get(0).replies(), "a minute without replies");
        ReplyHistory.Point busy = points.get(1);
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), busy.start());
        assertEquals(101, busy.replies());
        assertEquals(1, busy.fallbacks());
        // 101 replies of 1..100 ms and one of 5 s: the 51st and the 91st are the percentiles.
        assertEquals(51, busy.p50Millis(), 1);
        assertEquals(91, busy.p90Millis(), 1.5);
        assertTrue(busy.p99Millis() >= 99 && busy.p99Millis() <= 101, String.valueOf(busy.p99Millis()));
        assertEquals(1, points.get(2).replies());

        // Three minutes on, the busy minute's slot is reused: it counts afresh.
        clock.now = clock.now.plusSeconds(120);
        history.onHandled(EVENT, new EventReply(null, ReplyOrigin.FLOW), Duration.ofMillis(3));
        List<ReplyHistory.Point> later = history.points();
        assertEquals(
                List.of(1L, 0L, 1L),
                later.stream().map(ReplyHistory.Point::replies).toList());
    }
}
