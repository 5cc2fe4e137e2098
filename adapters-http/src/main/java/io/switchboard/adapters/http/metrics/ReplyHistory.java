package io.switchboard.adapters.http.metrics;

import io.switchboard.application.port.out.VoiceEventListener;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EventReply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * A small in-process time series of this node's webhook replies, for the console's charts: per interval (a minute
 * by default) of the last {@code intervals} (an hour), how many replies went out, how many were fallbacks, and
 * their latency percentiles. Fixed memory: one histogram per interval, reused as the window moves on.
 */
public final class ReplyHistory implements VoiceEventListener {
    /** Replies slower than this are counted at it: well past any reply deadline. */
    private static final long MAX_TRACKED_MICROS = Duration.ofMinutes(1).toNanos() / 1_000;

    private final Clock clock;
    private final long intervalMillis;
    private final Slot[] slots;

    /**
     * One interval of the series.
     *
     * @param start when the interval began
     */
    public record Point(
            Instant start, long replies, long fallbacks, double p50Millis, double p90Millis, double p99Millis) {}

    private static final class Slot {
        long index = -1;
        long replies;
        long fallbacks;
        final Histogram latencyMicros = new Histogram(MAX_TRACKED_MICROS, 2);
    }

    public ReplyHistory(Clock clock, Duration interval, int intervals) {
        if (interval.toMillis() < 1 || intervals < 1) {
            throw new IllegalArgumentException(
                    "interval and intervals must be positive: " + interval + ", " + intervals);
        }
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
        this.slots = new Slot[intervals];
        for (int i = 0; i < intervals; i++) {
            slots[i] = new Slot();
        }
    }

    @Override
    public void onHandled(VoiceEvent event, EventReply reply, Duration latency) {
        long index = clock.millis() / intervalMillis;
        Slot slot = slots[(int) (index % slots.length)];
        synchronized (slot) {
            if (slot.index != index) {
                slot.index = index;
                slot.replies = 0;
                slot.fallbacks = 0;
                slot.latencyMicros.reset();
            }
            slot.replies++;
            if (reply.origin().isFallback()) {
                slot.fallbacks++;
            }
            slot.latencyMicros.recordValue(Math.min(MAX_TRACKED_MICROS, Math.max(0, latency.toNanos() / 1_000)));
        }
    }

    /** Every interval of the window, oldest first, the current one last; intervals without replies count zero. */
    public List<Point> points() {
        long current = clock.millis() / intervalMillis;
        List<Point> points = new ArrayList<>(slots.length);
        for (long index = current - slots.length + 1; index <= current; index++) {
            Instant start = Instant.ofEpochMilli(index * intervalMillis);
            Slot slot = slots[(int) Math.floorMod(index, (long) slots.length)];
            synchronized (slot) {
                if (slot.index != index || slot.replies == 0) {
                    points.add(new Point(start, 0, 0, 0, 0, 0));
                } else {
                    Histogram latency = slot.latencyMicros;
                    points.add(new Point(
                            start,
                            slot.replies,
                            slot.fallbacks,
                            latency.getValueAtPercentile(50) / 1_000.0,
                            latency.getValueAtPercentile(90) / 1_000.0,
                            latency.getValueAtPercentile(99) / 1_000.0));
                }
            }
        }
        return points;
    }

    /** How long each point spans. */
    public Duration interval() {
        return Duration.ofMillis(intervalMillis);
    }
}
