package io.switchboard.testkit.simulator;

import io.switchboard.domain.common.VoiceEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends one call's webhooks as the platform would: only to URLs the run may follow, maybe late, maybe twice, a
 * connection error retried once; then checks each reply and tells the observer.
 */
final class WebhookSender {
    /** A delivery and every check its reply failed. */
    record Sent(Delivery delivery, List<Violation> violations) {
        /** What the reply broke of the BXML rules for the event it answered, as {@link ReplyChecks} found it. */
        List<String> brokenRules() {
            return violations.stream()
                    .filter(violation -> violation.check().equals(ReplyChecks.BXML_RULES))
                    .map(Violation::detail)
                    .toList();
        }
    }

    private final CallPlayer player;
    private final CallObserver observer;
    private final SplittableRandom random;
    private int eventsSent;

    /** @param random the call's own, so that its faults depend on its seed alone */
    WebhookSender(CallPlayer player, CallObserver observer, SplittableRandom random) {
        this.player = player;
        this.observer = observer;
        this.random = random;
    }

    /** How many events this call has sent (a redelivery counts once). */
    int eventsSent() {
        return eventsSent;
    }

    /** Delivers {@code event} for {@code leg}, with the script's faults, and checks the reply. */
    CompletionStage<Sent> send(CallLeg leg, URI url, VoiceEvent event) {
        eventsSent++;
        if (!player.follows(url)) {
            Violation offsite = new Violation(
                    leg.id(),
                    event.eventType(),
                    url.toString(),
                    ReplyChecks.CALLBACK_URL,
                    "not followed: the simulator only sends to the service under test");
            observer.violation(offsite);
            return CompletableFuture.completedFuture(
                    new Sent(Delivery.failed(offsite.detail(), false, Duration.ZERO), List.of()));
        }
        Faults faults = player.script().faults();
        // Drawn up front and always, so a call's faults depend on the seed alone, not on what replies came.
        boolean slow = random.nextDouble() < faults.slow();
        boolean lostReply = random.nextDouble() < faults.lostReply();
        boolean duplicate = random.nextDouble() < faults.duplicate();
        CompletionStage<Void> start = CompletableFuture.completedFuture(null);
        if (slow) {
            observer.fault("slow");
            start = player.after(faults.slowBy().toMillis());
        }
        List<Violation> mismatches = new ArrayList<>(0);
        return start.thenCompose(ignored -> attempt(url, event))
                .thenCompose(first -> {
                    if (!first.answered() || !(lostReply || duplicate)) {
                        return CompletableFuture.completedFuture(first);
                    }
                    observer.fault(lostReply ? "lost-reply" : "duplicate");
                    return attempt(url, event).thenApply(second -> {
                        // The body of an event Bandwidth ignores may differ: only the status counts there.
                        boolean bodyCounts = event.replyExpectation().allowsBxml();
                        if (second.answered()
                                && (second.status() != first.status()
                                        || bodyCounts && !Objects.equals(second.bxml(), first.bxml()))) {
                            mismatches.add(new Violation(
                                    leg.id(),
                                    event.eventType(),
                                    url.toString(),
                                    ReplyChecks.REDELIVERY_MISMATCH,
                                    "first answered " + summary(first) + ", the redelivery " + summary(second)));
                        }
                        // A lost reply never reached Bandwidth: the retry's is the one it runs.
                        return lostReply ? second : first;
                    });
                })
                .thenApply(delivery -> {
                    List<Violation> violations = new ArrayList<>(player.checks().check(leg.id(), url, event, delivery));
                    violations.addAll(mismatches);
                    observer.delivered(leg.id(), url, event, delivery, violations);
                    return new Sent(delivery, violations);
                });
    }

    /** One delivery; a connection error is retried once, as Bandwidth does. */
    private CompletionStage<Delivery> attempt(URI url, VoiceEvent event) {
        return player.transport().deliver(url, event).thenCompose(delivery -> {
            if (delivery.answered() || !delivery.retryable()) {
                return CompletableFuture.completedFuture(delivery);
            }
            observer.fault("retry");
            return player.transport().deliver(url, event);
        });
    }

    private static String summary(Delivery delivery) {
        return "HTTP " + delivery.status() + (delivery.bxml() == null ? " without BXML" : " with " + delivery.bxml());
    }
}
