package io.switchboard.testkit.simulator;

import io.switchboard.domain.verb.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Plays a recorded call's events again, in order, against a service, and says where its replies now differ
 * from the recorded ones. Each event waits for the previous reply, as Bandwidth's would; the caller's thread
 * waits for the whole call, so this is for a command line or a test, never an actor.
 */
public final class Replay {
    private final WebhookTransport transport;

    public Replay(WebhookTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * One event played again.
     *
     * @param recorded the reply it got then; {@code null} for an empty 200
     * @param now      the reply it gets now; {@code null} for an empty 200 or when none came
     * @param problem  why the reply could not be compared (no answer, a status other than 200, unreadable BXML);
     *                 {@code null} when it could
     */
    public record Step(
            int index, String eventType, String recordedOrigin, Response recorded, Response now, String problem) {
        public boolean same() {
            return problem == null && Objects.equals(recorded, now);
        }
    }

    /** Every step, in order; the replay passed when every reply is the recorded one. */
    public record Report(String callId, List<Step> steps) {
        public Report {
            steps = List.copyOf(steps);
        }

        public boolean passed() {
            return steps.stream().allMatch(Step::same);
        }

        public List<Step> differences() {
            return steps.stream().filter(step -> !step.same()).toList();
        }
    }

    /** Posts each of {@code call}'s events to {@code url} and compares each reply with the recorded one. */
    public Report play(URI url, RecordedCall call) {
        List<Step> steps = new ArrayList<>();
        int index = 1;
        for (RecordedCall.Exchange exchange : call.exchanges()) {
            Delivery delivery = transport
                    .deliver(url, exchange.event())
                    .toCompletableFuture()
                    .join();
            steps.add(new Step(
                    index++,
                    exchange.event().eventType(),
                    exchange.origin(),
                    exchange.reply(),
                    delivery.bxml(),
                    problem(delivery)));
        }
        return new Report(call.callId(), steps);
    }

    private static String problem(Delivery delivery) {
        if (!delivery.answered()) {
            return "no answer: " + delivery.failure();
        }
        if (delivery.status() != 200) {
            return "status " + delivery.status();
        }
        if (delivery.unreadable() != null) {
            return "unreadable BXML: " + delivery.unreadable();
        }
        return null;
    }
}
