package io.switchboard.testkit.simulator;

import io.switchboard.domain.call.MachineDetectionResult;
import io.switchboard.domain.common.CallId;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The platform's side of a call placed through the Voice API: its id, what answering-machine detection concludes
 * and where it reports it, and the updates the API received for the call. The call's run takes an update between
 * two verbs, as Bandwidth interrupts the verb playing: a redirect fetches new BXML from its URL, a hang-up ends
 * the call. Updates arrive on the API's threads; the run reads them on its own.
 */
public final class PlacedCall {

    /** What the Voice API asked of the call. */
    sealed interface Update permits Redirect, HangUp {}

    record Redirect(URI url) implements Update {}

    record HangUp() implements Update {}

    private final CallId callId;
    private final URI detectionUrl;
    private final MachineDetectionResult detected;
    private final Duration updateWait;
    private CompletableFuture<Update> pending = new CompletableFuture<>();

    /**
     * @param detectionUrl where {@code machineDetectionComplete} goes; {@code null} when the call asked for no
     *                     asynchronous detection
     * @param detected     what detection concludes (a person or a machine answered)
     * @param updateWait   how long, in real time, a {@code <Pause>} of the call waits for an update at most: the
     *                     service reacts to the call's events through the API while the pause plays, and the
     *                     simulator plays the call's time faster than real time
     */
    public PlacedCall(CallId callId, URI detectionUrl, MachineDetectionResult detected, Duration updateWait) {
        this.callId = Objects.requireNonNull(callId, "callId");
        this.detectionUrl = detectionUrl;
        this.detected = Objects.requireNonNull(detected, "detected");
        this.updateWait = Objects.requireNonNull(updateWait, "updateWait");
    }

    public CallId callId() {
        return callId;
    }

    /** The API redirected the call: its BXML is fetched again from {@code url}. */
    public void redirect(URI url) {
        steer(new Redirect(Objects.requireNonNull(url, "url")));
    }

    /** The API hung the call up. */
    public void hangUp() {
        steer(new HangUp());
    }

    Optional<URI> detectionUrl() {
        return Optional.ofNullable(detectionUrl);
    }

    MachineDetectionResult detected() {
        return detected;
    }

    Duration updateWait() {
        return updateWait;
    }

    /** Completes when an update is waiting to be taken. */
    synchronized CompletableFuture<Update> next() {
        return pending;
    }

    /** The update waiting, if any; taking it makes room for the next. */
    synchronized Optional<Update> take() {
        if (!pending.isDone()) {
            return Optional.empty();
        }
        Update update = pending.join();
        pending = new CompletableFuture<>();
        return Optional.of(update);
    }

    private synchronized void steer(Update update) {
        // The latest update wins, as the platform acts on the last one it received.
        if (!pending.complete(update)) {
            pending = CompletableFuture.completedFuture(update);
        }
    }
}
