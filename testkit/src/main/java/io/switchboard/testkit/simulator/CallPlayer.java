package io.switchboard.testkit.simulator;

import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Plays simulated calls, each as Bandwidth would play it. What the calls of one run share lives here: where
 * events go, how replies are judged, the script's fixed details and faults, and the conferences calls meet in.
 */
public final class CallPlayer {
    private final WebhookTransport transport;
    private final ReplyChecks checks;
    private final CallerScript script;
    private final Predicate<URI> followable;
    private final Executor delayer;
    private final String runTag;
    private final ConferenceRooms rooms;

    /**
     * @param followable which callback URLs may be sent to (a load generator must not wander off to hosts BXML
     *                   happens to name)
     * @param delayer    runs the delayed start of a slow delivery, never blocking a thread
     */
    public CallPlayer(
            WebhookTransport transport,
            ReplyChecks checks,
            CallerScript script,
            Predicate<URI> followable,
            Executor delayer) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.script = Objects.requireNonNull(script, "script");
        this.followable = Objects.requireNonNull(followable, "followable");
        this.delayer = Objects.requireNonNull(delayer, "delayer");
        // This run's ids are its own, so a second run against the same service does not look like redeliveries.
        this.runTag = UUID.randomUUID().toString().substring(0, 8);
        this.rooms = new ConferenceRooms(runTag);
    }

    /** A call being played. */
    public record Playing(String callId, CompletionStage<CallOutcome> outcome) {}

    /**
     * Starts playing one call; {@code observer} hears its activities and deliveries. The outcome completes once
     * the call's last event was delivered.
     */
    public Playing play(CallSetup setup, CallObserver observer) {
        return play(setup, observer, null);
    }

    /**
     * Starts playing a call the Voice API placed: it carries the API's call id, reports machine detection when
     * asked to, and takes the API's updates.
     */
    public Playing play(CallSetup setup, CallObserver observer, PlacedCall placed) {
        CallRun call = new CallRun(this, setup, observer, placed);
        return new Playing(call.callId(), call.run());
    }

    WebhookTransport transport() {
        return transport;
    }

    ReplyChecks checks() {
        return checks;
    }

    CallerScript script() {
        return script;
    }

    boolean follows(URI url) {
        return followable.test(url);
    }

    String runTag() {
        return runTag;
    }

    ConferenceRooms rooms() {
        return rooms;
    }

    /** Completes after {@code millis} of real time, or when {@code early} completes; on the delayer either way. */
    CompletionStage<Void> after(long millis, CompletableFuture<?> early) {
        return CompletableFuture.anyOf(early, after(millis).toCompletableFuture())
                .thenRunAsync(() -> {}, delayer);
    }

    /** Completes after {@code millis} of real time. */
    CompletionStage<Void> after(long millis) {
        return CompletableFuture.runAsync(
                () -> {}, CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS, delayer));
    }
}
