package io.switchboard.testkit.simulator;

import io.switchboard.domain.verb.Verb;
import java.util.concurrent.CompletionStage;

/**
 * The person on a simulated call. The simulator asks them whenever the call waits for its caller; a scripted
 * caller answers at once, the offline testing API answers when the test says what the caller does.
 */
public interface Caller {

    /**
     * Whether the caller hangs up before {@code verb} runs; asked for every verb that does not wait for them.
     *
     * @param eventsAnswered how many events of the call were answered so far
     */
    default boolean hangsUpBefore(Verb verb, int eventsAnswered) {
        return false;
    }

    /**
     * What the caller does at {@code verb}: a {@code Gather} (after its prompts played), a {@code Record}, a
     * {@code Transfer} once bridged, or a {@code Conference} once joined.
     *
     * @param gatherIndex how many gathers the call ran before this one (for a {@code Gather}, from 0)
     */
    CompletionStage<CallerMove> respond(Verb verb, int gatherIndex);

    /** Whether the transfer's target picks up; a target that does not is given up after the transfer's timeout. */
    default boolean transferAnswered() {
        return true;
    }
}
