package io.switchboard.testkit.simulator;

import io.switchboard.domain.common.VoiceEvent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The asynchronous events a call owes once it is over (a recording's media ready, its transcription): Bandwidth
 * sends them after the disconnect, each a little later, and now and then out of order.
 */
final class CallbacksOwed {
    private static final Duration ASYNC_PROCESSING = Duration.ofSeconds(2);

    /** An event owed for {@code leg}, made at the moment it is sent. */
    private record Owed(CallLeg leg, URI url, Function<Instant, VoiceEvent> event) {}

    private record Due(CallLeg leg, URI url, VoiceEvent event) {}

    private final CallContext call;
    private final List<Owed> owed = new ArrayList<>();

    CallbacksOwed(CallContext call) {
        this.call = call;
    }

    /** Owes {@code event} (made for the moment it is sent) to {@code url} once the call is over. */
    void owe(CallLeg leg, URI url, Function<Instant, VoiceEvent> event) {
        owed.add(new Owed(leg, url, event));
    }

    /**
     * Sends {@code disconnect} and then every event owed, one after another, the clock moving on between them;
     * with the {@code reorder-async} fault, in shuffled order. Completes once the last was delivered.
     */
    CompletionStage<Void> sendAfter(CallLeg leg, URI url, Function<Instant, VoiceEvent> disconnect) {
        List<Owed> trailing = new ArrayList<>();
        trailing.add(new Owed(leg, url, disconnect));
        trailing.addAll(owed);
        List<Due> due = new ArrayList<>();
        for (Owed each : trailing) {
            due.add(new Due(each.leg(), each.url(), each.event().apply(call.now())));
            call.advance(ASYNC_PROCESSING);
        }
        if (due.size() > 1
                && call.random.nextDouble() < call.player.script().faults().reorderAsync()) {
            Collections.shuffle(due, new Random(call.random.nextLong()));
            call.observer.fault("reorder-async");
        }
        CompletionStage<Void> sent = CompletableFuture.completedFuture(null);
        for (Due event : due) {
            sent = sent.thenCompose(ignored -> call.inform(event.leg(), event.url(), event.event()));
        }
        return sent;
    }
}
