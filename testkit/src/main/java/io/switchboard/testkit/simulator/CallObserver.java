package io.switchboard.testkit.simulator;

import io.switchboard.domain.common.VoiceEvent;
import java.net.URI;
import java.util.List;

/** Hears what happens on simulated calls: for statistics, progress and the offline testing API's expectations. */
public interface CallObserver {

    /** A verb ran or a leg ended. */
    default void activity(CallActivity activity) {}

    /**
     * One event was delivered (with its retries and injected duplicates) and its reply checked.
     *
     * @param violations the checks the reply failed; empty when it passed
     */
    default void delivered(String callId, URI url, VoiceEvent event, Delivery delivery, List<Violation> violations) {}

    /** A check failed outside any one reply (a callback URL that cannot be followed). */
    default void violation(Violation violation) {}

    /** A fault was injected ({@code duplicate}, {@code lost-reply}, {@code reorder-async}, {@code slow}) or a failed delivery was retried ({@code retry}). */
    default void fault(String kind) {}

    /** A simulated call is over, its last asynchronous event delivered. */
    default void callEnded(String profile, CallOutcome outcome, boolean cutAtEventLimit) {}
}
