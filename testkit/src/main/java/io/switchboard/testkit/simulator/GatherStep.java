package io.switchboard.testkit.simulator;

import static io.switchboard.testkit.simulator.CallContext.done;

import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Prompt;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Plays a {@code <Gather>}: its prompts, the keys the person on the leg presses (or none), and the
 * {@code gather} event with the digits as Bandwidth cuts them.
 */
final class GatherStep {
    private static final Duration PER_KEY = Duration.ofSeconds(1);

    private final CallContext call;

    GatherStep(CallContext call) {
        this.call = call;
    }

    CompletionStage<CallOutcome> play(
            CallLeg leg, BxmlDocument document, Gather gather, Supplier<CompletionStage<CallOutcome>> next) {
        Duration promptTime = Duration.ZERO;
        for (Prompt prompt : gather.prompts()) {
            call.ran(leg, prompt);
            promptTime = promptTime.plus(Verbs.playTime(prompt));
        }
        Duration prompts = promptTime;
        call.ran(leg, gather);
        call.advance(prompts);
        URI url = document.resolve(gather.gather(), "gatherUrl");
        return leg.person.respond(gather, leg.gathersHeard++).thenCompose(move -> {
            if (move.hangsUp()) {
                call.advance(move.after());
                return done(CallOutcome.hungUpByCaller());
            }
            Gathered gathered = Gathered.of(gather, move);
            call.advance(move.after() != null ? move.after() : gathered.took(gather, prompts));
            return url == null
                    ? next.get()
                    : call.exchange(
                            leg,
                            url,
                            new GatherCompleted(leg.current(), gathered.digits(), gathered.terminatingDigit()));
        });
    }

    /** What a gather collected from the keys a caller pressed, as Bandwidth cuts them. */
    private record Gathered(String digits, String terminatingDigit, int keys) {
        static Gathered of(Gather gather, CallerMove move) {
            if (move.kind() != CallerMove.Kind.PRESS) {
                return new Gathered("", "", 0);
            }
            String terminators = gather.terminatingDigits() == null ? "" : gather.terminatingDigits();
            int max = gather.maxDigits() == null ? 50 : gather.maxDigits();
            StringBuilder digits = new StringBuilder();
            String keys = move.keys();
            for (int i = 0; i < keys.length(); i++) {
                char key = keys.charAt(i);
                if (terminators.indexOf(key) >= 0) {
                    return new Gathered(digits.toString(), String.valueOf(key), i + 1);
                }
                digits.append(key);
                if (digits.length() == max) {
                    return new Gathered(digits.toString(), "", i + 1);
                }
            }
            return new Gathered(digits.toString(), "", keys.length());
        }

        /** Keys take a second each; no input waits out every repeat of the prompts and the first-digit timeout. */
        Duration took(Gather gather, Duration prompts) {
            if (keys > 0) {
                return PER_KEY.multipliedBy(keys);
            }
            int repeats = gather.repeatCount() == null ? 1 : gather.repeatCount();
            double timeout = gather.firstDigitTimeout() == null ? 5 : gather.firstDigitTimeout();
            return prompts.multipliedBy(repeats - 1L).plus(Verbs.seconds(timeout));
        }
    }
}
