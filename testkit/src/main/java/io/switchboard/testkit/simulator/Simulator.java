package io.switchboard.testkit.simulator;

import io.switchboard.domain.common.Direction;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays Bandwidth's side for a population of scripted calls through a {@link WebhookTransport}: starts calls at
 * the planned rate, never more than the planned concurrency at once, and no thread per call: a call waits for a
 * reply as a pending stage, not as a blocked thread, so a few threads carry thousands of calls.
 */
public final class Simulator {
    private final WebhookTransport transport;
    private final ScheduledExecutorService scheduler;

    /**
     * @param scheduler starts calls and times slow deliveries; its tasks never block, so one thread is plenty
     */
    public Simulator(WebhookTransport transport, ScheduledExecutorService scheduler) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Starts the run; it goes on in the background. */
    public Run start(SimulationPlan plan) {
        Run run = new Run(plan);
        run.launch();
        return run;
    }

    /** A run in progress. */
    public final class Run {
        private final SimulationPlan plan;
        private final SimulationStats stats = new SimulationStats();
        private final CallPlayer player;
        private final CompletableFuture<SimulationSummary> finished = new CompletableFuture<>();
        private final long startedAt = System.nanoTime();
        private final long intervalNanos;
        private int started;
        private int done;
        private int inFlight;
        private long nextStartAt = startedAt;
        private boolean wakeUpPending;

        private Run(SimulationPlan plan) {
            this.plan = plan;
            this.intervalNanos = plan.rate() > 0 ? (long) (1e9 / plan.rate()) : 0;
            this.player = new CallPlayer(
                    transport,
                    new ReplyChecks(plan.callbackTimeout(), plan.deadline()),
                    plan.script(),
                    plan::isOnTarget,
                    scheduler);
        }

        public SimulationStats.Progress progress() {
            return stats.progress();
        }

        /** Completes once every call is over. */
        public CompletionStage<SimulationSummary> summary() {
            return finished;
        }

        /** Starts calls while the plan allows; called again when a call ends or the rate allows the next. */
        private synchronized void launch() {
            wakeUpPending = false;
            while (started < plan.calls() && inFlight < plan.concurrency()) {
                long now = System.nanoTime();
                if (now < nextStartAt) {
                    if (!wakeUpPending) {
                        wakeUpPending = true;
                        scheduler.schedule(this::launch, nextStartAt - now, TimeUnit.NANOSECONDS);
                    }
                    return;
                }
                // Calls held back by the concurrency limit start one interval apart, not in a burst.
                nextStartAt = Math.max(now, nextStartAt) + intervalNanos;
                int index = started++;
                inFlight++;
                scheduler.execute(() -> play(index));
            }
        }

        private void play(int index) {
            CallPlayer.Playing call;
            try {
                call = player.play(setup(index), stats);
            } catch (RuntimeException broken) {
                stats.error("#" + index, broken);
                ended();
                return;
            }
            call.outcome().whenComplete((outcome, failure) -> {
                if (failure != null) {
                    stats.error(call.callId(), failure);
                }
                ended();
            });
        }

        private CallSetup setup(int index) {
            CallerScript script = plan.script();
            SplittableRandom random = new SplittableRandom(plan.seed() * 0x9E3779B97F4A7C15L + index);
            CallerProfile profile = script.pick(random);
            String person = profile.from() != null
                    ? profile.from()
                    : String.format(Locale.ROOT, "+1555%07d", random.nextInt(10_000_000));
            boolean inbound = profile.direction() == Direction.INBOUND;
            Duration offset = CallerScript.interArrival(plan.rate()).multipliedBy(index);
            return new CallSetup(
                    index,
                    profile.name(),
                    script.applicationId(),
                    profile.direction(),
                    inbound ? person : script.to(),
                    inbound ? script.to() : person,
                    plan.target(),
                    plan.statusUrl(),
                    script.startTime().plus(offset),
                    random.nextLong(),
                    new ScriptedCaller(profile));
        }

        private void ended() {
            boolean all;
            synchronized (this) {
                inFlight--;
                done++;
                all = done == plan.calls();
            }
            if (all) {
                finished.complete(stats.summary(plan.calls(), Duration.ofNanos(System.nanoTime() - startedAt)));
            } else {
                launch();
            }
        }
    }
}
