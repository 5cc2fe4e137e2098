package io.switchboard.application.flow;

import akka.actor.Cancellable;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.Extension;
import akka.actor.typed.ExtensionId;
import akka.actor.typed.Scheduler;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.domain.flow.SideWork;
import io.switchboard.domain.flow.SideWorkRunner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.ExecutionContextExecutor;

/**
 * Runs flows' side work on the flow dispatcher, never on an actor's thread, within bounds: at most
 * {@code max-concurrent} running and {@code max-delayed} waiting for their delay on this node. Past a bound new
 * side work is refused, not queued: it is logged and counted, and the call goes on (a queue would only hide an
 * overload until it, too, was full). Work not done within {@code timeout} is counted as failed and frees its slot.
 * Failures are logged with the call or conference that started the work, and counted. One per actor system.
 */
public final class BoundedSideWork implements SideWorkRunner, Extension {
    private static final Logger log = LoggerFactory.getLogger(BoundedSideWork.class);
    private static final Id ID = new Id();

    private final SideWorkSettings settings;
    private final Scheduler scheduler;
    private final ExecutionContextExecutor executor;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /**
     * @param scheduler times the delays and the timeouts
     * @param executor  where the work is started and its outcome counted: never an actor's dispatcher
     */
    public BoundedSideWork(SideWorkSettings settings, Scheduler scheduler, ExecutionContextExecutor executor) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.executor = executor;
    }

    /** The runner of {@code system}'s entities, on its flow dispatcher. */
    public static BoundedSideWork get(ActorSystem<?> system) {
        return ID.apply(system);
    }

    @Override
    public void start(SideWork work) {
        if (work.delay().compareTo(settings.maxDelay()) > 0) {
            refuse(
                    work,
                    "its delay " + work.delay() + " is over switchboard.side-work.max-delay " + settings.maxDelay());
        } else if (work.delay().isZero()) {
            run(work);
        } else if (waiting.incrementAndGet() > settings.maxWaiting()) {
            waiting.decrementAndGet();
            refuse(work, settings.maxWaiting() + " side works wait already (switchboard.side-work.max-delayed)");
        } else {
            scheduler.scheduleOnce(
                    work.delay(),
                    () -> {
                        waiting.decrementAndGet();
                        run(work);
                    },
                    executor);
        }
    }

    private void run(SideWork work) {
        if (running.incrementAndGet() > settings.maxRunning()) {
            running.decrementAndGet();
            refuse(work, settings.maxRunning() + " side works run already (switchboard.side-work.max-concurrent)");
            return;
        }
        executor.execute(() -> {
            CompletableFuture<Object> done = new CompletableFuture<>();
            Cancellable timeout = scheduler.scheduleOnce(
                    settings.timeout(),
                    () -> done.completeExceptionally(new TimeoutException(
                            "not done within switchboard.side-work.timeout " + settings.timeout())),
                    executor);
            done.whenCompleteAsync(
                    (result, failure) -> {
                        timeout.cancel();
                        finished(work, failure);
                    },
                    executor);
            try {
                CompletionStage<?> stage = work.work().get();
                if (stage == null) {
                    done.completeExceptionally(new NullPointerException("the side work returned no stage"));
                } else {
                    stage.whenCompleteAsync(
                            (result, failure) -> {
                                if (failure == null) {
                                    done.complete(result);
                                } else {
                                    done.completeExceptionally(failure);
                                }
                            },
                            executor);
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
    }

    private void finished(SideWork work, Throwable failure) {
        running.decrementAndGet();
        if (failure == null) {
            succeeded.incrementAndGet();
        } else {
            failed.incrementAndGet();
            log.warn("side work {} of {} failed", work.name(), work.owner(), failure);
        }
    }

    private void refuse(SideWork work, String why) {
        refused.incrementAndGet();
        log.error("side work {} of {} refused: {}", work.name(), work.owner(), why);
    }

    /** Side work running now. */
    public int running() {
        return running.get();
    }

    /** Side work waiting for its delay now. */
    public int waiting() {
        return waiting.get();
    }

    public long succeeded() {
        return succeeded.get();
    }

    /** Side work that threw, failed or timed out. */
    public long failed() {
        return failed.get();
    }

    /** Side work refused: past a bound, or a delay too long. */
    public long refused() {
        return refused.get();
    }

    private static final class Id extends ExtensionId<BoundedSideWork> {
        @Override
        public BoundedSideWork createExtension(ActorSystem<?> system) {
            return new BoundedSideWork(
                    SideWorkSettings.from(system.settings().config()),
                    system.scheduler(),
                    system.dispatchers().lookup(DispatcherSelector.fromConfig(SwitchboardSettings.FLOW_DISPATCHER)));
        }
    }
}
