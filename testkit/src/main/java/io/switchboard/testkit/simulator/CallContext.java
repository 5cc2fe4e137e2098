package io.switchboard.testkit.simulator;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.verb.Verb;
import io.switchboard.testkit.simulator.CallActivity.Party;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the pieces of one call's run share, and may do: read and move the call's virtual clock, tell the observer
 * what ran, make legs, send webhooks as the platform would, and follow the BXML a reply returns. A run is one
 * chain of stages, nothing of one call runs concurrently with anything else of it, so none of this needs locks.
 */
final class CallContext {
    /** Sends an event whose reply Bandwidth runs, then plays that reply on the leg; completes with how it ended. */
    @FunctionalInterface
    interface ReplyFollower {
        CompletionStage<CallOutcome> exchange(CallLeg leg, URI url, VoiceEvent event);
    }

    final CallPlayer player;
    final CallObserver observer;
    final CallSetup setup;
    /** The call's own randomness, seeded by its setup, so that a run repeats. */
    final SplittableRandom random;

    final BandwidthAccount account;
    final WebhookSender sender;
    private final VirtualClock clock;
    private final ReplyFollower replies;
    /** The caller's leg's id when the Voice API gave it; {@code null} to make one up. */
    private final CallId placedId;

    private int legs;

    CallContext(CallPlayer player, CallSetup setup, CallObserver observer, ReplyFollower replies, CallId placedId) {
        this.player = player;
        this.observer = observer;
        this.setup = setup;
        this.random = new SplittableRandom(setup.seed());
        this.account = new BandwidthAccount(player.script().accountId(), setup.applicationId());
        this.sender = new WebhookSender(player, observer, random);
        this.clock = new VirtualClock(setup.startTime());
        this.replies = replies;
        this.placedId = placedId;
    }

    Instant now() {
        return clock.now();
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    /** Tells the observer that {@code verb} ran on {@code leg}, now. */
    void ran(CallLeg leg, Verb verb) {
        observer.activity(CallActivity.ran(leg.party, leg.id(), verb, now()));
    }

    /** A new leg of this call, started now; the first is the caller's, the others the legs its transfers ring. */
    CallLeg newLeg(Party party, Direction direction, String from, String to, CallId parentCallId, Caller person) {
        boolean first = legs++ == 0;
        CallId callId = first && placedId != null
                ? placedId
                : CallId.of(
                        "c-" + player.runTag() + "-" + Integer.toHexString(setup.index()) + (first ? "" : "-" + legs));
        return new CallLeg(party, callId, direction, from, to, parentCallId, person, account, clock);
    }

    /** Sends an event and checks its reply; see {@link WebhookSender#send}. */
    CompletionStage<WebhookSender.Sent> send(CallLeg leg, URI url, VoiceEvent event) {
        return sender.send(leg, url, event);
    }

    /** Sends an event whose reply changes nothing on the call (it is checked all the same). */
    CompletionStage<Void> inform(CallLeg leg, URI url, VoiceEvent event) {
        return send(leg, url, event).thenApply(sent -> null);
    }

    /** See {@link ReplyFollower}. */
    CompletionStage<CallOutcome> exchange(CallLeg leg, URI url, VoiceEvent event) {
        return replies.exchange(leg, url, event);
    }

    static CompletionStage<CallOutcome> done(CallOutcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
