package io.switchboard.testkit.simulator;

import io.switchboard.domain.call.MachineDetectionResult;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.common.VoiceEvent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The people who answer the calls a service places through the Voice API: each placed call is played from its
 * {@code answer} on, its callee, by the configured share, a machine (which listens to the end and which machine
 * detection reports) or else a person drawn from the script's profiles (their key presses, their patience). What they meet is counted
 * in one {@link SimulationStats}, as a simulation's calls are.
 */
public final class Callees {
    private static final MachineDetectionResult PERSON =
            new MachineDetectionResult(MachineDetectionResult.HUMAN, Duration.ofSeconds(2));
    private static final MachineDetectionResult MACHINE =
            new MachineDetectionResult(MachineDetectionResult.ANSWERING_MACHINE, Duration.ofMillis(4500));
    /** A machine listens to whatever plays, presses nothing and never hangs up first. */
    private static final CallerProfile ANSWERING_MACHINE = CallerProfile.silent("machine");

    private final CallPlayer player;
    private final CallerScript script;
    private final long seed;
    private final double machineShare;
    private final Duration updateWait;
    private final SimulationStats stats = new SimulationStats();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final long startedAt = System.nanoTime();
    private volatile int expected = Integer.MAX_VALUE;
    private final CompletableFuture<SimulationSummary> allEnded = new CompletableFuture<>();

    /**
     * @param machineShare the share of calls a machine answers, from 0 to 1
     * @param updateWait   see {@link PlacedCall}
     */
    public Callees(CallPlayer player, CallerScript script, long seed, double machineShare, Duration updateWait) {
        if (!(machineShare >= 0 && machineShare <= 1)) {
            throw new IllegalArgumentException("the machine share must be between 0 and 1, was " + machineShare);
        }
        this.player = Objects.requireNonNull(player, "player");
        this.script = Objects.requireNonNull(script, "script");
        this.seed = seed;
        this.machineShare = machineShare;
        this.updateWait = Objects.requireNonNull(updateWait, "updateWait");
    }

    /** A call the platform dialled, as createCall described it. */
    public record Dialled(String callId, String from, String to, URI answerUrl, URI disconnectUrl, URI detectionUrl) {}

    /**
     * Answers a dialled call; {@code observer} hears it besides the statistics. {@code steerable} gets the handle
     * the Voice API steers the call by before the call's first webhook goes out (the service may steer it as soon
     * as it hears of it).
     *
     * @return how the call ends
     */
    public CompletionStage<CallOutcome> answer(Dialled call, CallObserver observer, Consumer<PlacedCall> steerable) {
        int index = answered.getAndIncrement();
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        CallerProfile profile = script.pick(random);
        boolean machine = random.nextDouble() < machineShare;
        PlacedCall placed =
                new PlacedCall(CallId.of(call.callId()), call.detectionUrl(), machine ? MACHINE : PERSON, updateWait);
        CallSetup setup = new CallSetup(
                index,
                machine ? "machine" : profile.name(),
                script.applicationId(),
                Direction.OUTBOUND,
                call.from(),
                call.to(),
                call.answerUrl(),
                call.disconnectUrl(),
                Instant.now(),
                random.nextLong(),
                new ScriptedCaller(machine ? ANSWERING_MACHINE : profile));
        steerable.accept(placed);
        return player.play(setup, new Both(stats, observer), placed).outcome().whenComplete((done, failure) -> {
            if (failure != null) {
                stats.error(call.callId(), failure);
            }
            if (ended.incrementAndGet() >= expected) {
                finish();
            }
        });
    }

    /** Completes once {@code calls} calls have ended, with what they met. */
    public CompletionStage<SimulationSummary> summaryAfter(int calls) {
        expected = calls;
        if (ended.get() >= calls) {
            finish();
        }
        return allEnded;
    }

    public SimulationStats.Progress progress() {
        return stats.progress();
    }

    private void finish() {
        allEnded.complete(stats.summary(expected, Duration.ofNanos(System.nanoTime() - startedAt)));
    }

    /** Tells the statistics and one more observer. */
    private record Both(CallObserver first, CallObserver second) implements CallObserver {
        @Override
        public void activity(CallActivity activity) {
            first.activity(activity);
            second.activity(activity);
        }

        @Override
        public void delivered(String callId, URI url, VoiceEvent event, Delivery delivery, List<Violation> violations) {
            first.delivered(callId, url, event, delivery, violations);
            second.delivered(callId, url, event, delivery, violations);
        }

        @Override
        public void violation(Violation violation) {
            first.violation(violation);
            second.violation(violation);
        }

        @Override
        public void fault(String kind) {
            first.fault(kind);
            second.fault(kind);
        }

        @Override
        public void callEnded(String profile, CallOutcome outcome, boolean cutAtEventLimit) {
            first.callEnded(profile, outcome, cutAtEventLimit);
            second.callEnded(profile, outcome, cutAtEventLimit);
        }
    }
}
