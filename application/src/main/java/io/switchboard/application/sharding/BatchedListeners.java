package io.switchboard.application.sharding;

import akka.actor.typed.Scheduler;
import io.switchboard.application.port.out.VoiceEventListener;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EventReply;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.ExecutionContextExecutor;

/**
 * The listeners of handled events, told in batches: each handled event joins a queue, and one task, started at most
 * once per {@code interval} on the listeners' executor, tells every listener of every event queued, in the order
 * they were handled. One task per event woke a listener thread for nearly every webhook at a steady rate, and the
 * log appender's thread after it (the line per webhook): two of the few thread wake-ups a webhook costs. A batch
 * wakes each once. Batches run one after the other, never at once: a listener is told of one event at a time. The
 * queue holds what the listeners have not yet been told, as the executor's queue did before.
 */
final class BatchedListeners {
    private static final Logger log = LoggerFactory.getLogger(BatchedListeners.class);

    private record Handled(VoiceEvent event, EventReply reply, Duration latency) {}

    private final List<VoiceEventListener> listeners;
    private final Scheduler scheduler;
    private final Duration interval;
    private final ExecutionContextExecutor executor;
    private final Queue<Handled> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean batchStarted = new AtomicBoolean();

    BatchedListeners(
            List<VoiceEventListener> listeners,
            Scheduler scheduler,
            Duration interval,
            ExecutionContextExecutor executor) {
        this.listeners = List.copyOf(listeners);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Queues {@code event} for the listeners; the first event of a batch starts its task {@code interval} later. */
    void handled(VoiceEvent event, EventReply reply, Duration latency) {
        if (listeners.isEmpty()) {
            return;
        }
        queued.add(new Handled(event, reply, latency));
        startBatchUnlessStarted();
    }

    private void startBatchUnlessStarted() {
        if (batchStarted.compareAndSet(false, true)) {
            if (interval.isZero()) {
                executor.execute(this::tellQueued);
            } else {
                scheduler.scheduleOnce(interval, this::tellQueued, executor);
            }
        }
    }

    private void tellQueued() {
        for (Handled handled = queued.poll(); handled != null; handled = queued.poll()) {
            for (VoiceEventListener listener : listeners) {
                try {
                    listener.onHandled(handled.event(), handled.reply(), handled.latency());
                } catch (RuntimeException e) {
                    log.warn("event listener {} failed", listener.getClass().getName(), e);
                }
            }
        }
        // Only now may the next batch start, so batches never overlap; an event queued after the last poll but
        // while this batch still counted as started would otherwise wait for one that is not coming.
        batchStarted.set(false);
        if (!queued.isEmpty()) {
            startBatchUnlessStarted();
        }
    }
}
