package io.switchboard.testkit.simulator;

import static io.switchboard.testkit.simulator.CallContext.done;

import io.switchboard.domain.call.BridgeCompleted;
import io.switchboard.domain.call.CallAnswered;
import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.call.CallEnding;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallRedirected;
import io.switchboard.domain.call.MachineDetectionCompleted;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.verb.Bridge;
import io.switchboard.domain.verb.Conference;
import io.switchboard.domain.verb.Forward;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Hangup;
import io.switchboard.domain.verb.Pause;
import io.switchboard.domain.verb.Record;
import io.switchboard.domain.verb.Redirect;
import io.switchboard.domain.verb.Tag;
import io.switchboard.domain.verb.Transfer;
import io.switchboard.domain.verb.Verb;
import io.switchboard.testkit.simulator.CallActivity.Party;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One simulated call, played as Bandwidth plays it: the first webhook, then the BXML of each reply verb by verb,
 * the callbacks those verbs cause (to the URLs the BXML names, relative ones resolved against the URL that
 * returned the BXML), and at the end the disconnect and the asynchronous events still owed. Time passes on the
 * call's virtual clock only, so nothing sleeps; the only real waiting is for replies.
 *
 * <p>This class follows the BXML and plays the verbs that cause no conversation of their own; the verbs that do
 * have a step each ({@link GatherStep}, {@link RecordStep}, {@link TransferStep}, {@link ConferenceStep}). What
 * they share is the {@link CallContext}.
 */
final class CallRun {
    private final CallContext call;
    private final CallLeg callerLeg;
    private final CallbacksOwed owed;
    private final GatherStep gatherStep;
    private final RecordStep recordStep;
    private final TransferStep transferStep;
    private final ConferenceStep conferenceStep;
    /** The Voice API's hold on the call when it placed it; {@code null} for a call the script places. */
    private final PlacedCall placed;
    /** Replies the call has run so far, on any leg: scripted callers hang up after so many. */
    private int eventsAnswered;
    /** Whether the run stopped the call at the script's limit of events per call. */
    private boolean cut;

    CallRun(CallPlayer player, CallSetup setup, CallObserver observer, PlacedCall placed) {
        this.placed = placed;
        this.call = new CallContext(player, setup, observer, this::exchange, placed == null ? null : placed.callId());
        this.callerLeg = call.newLeg(Party.CALLER, setup.direction(), setup.from(), setup.to(), null, setup.caller());
        this.owed = new CallbacksOwed(call);
        this.gatherStep = new GatherStep(call);
        this.recordStep = new RecordStep(call, owed);
        this.transferStep = new TransferStep(call);
        this.conferenceStep = new ConferenceStep(call);
    }

    /** Plays the whole call; completes once its last event was delivered, with how its BXML ended. */
    CompletionStage<CallOutcome> run() {
        CallLeg leg = callerLeg;
        VoiceEvent first;
        if (leg.direction == Direction.INBOUND) {
            first = new CallInitiated(leg.current());
            // An inbound call is answered by the BXML the initiate returns; later events carry that moment.
            leg.answerTime = call.now();
        } else {
            leg.answerTime = call.now();
            first = new CallAnswered(leg.current());
        }
        return exchange(leg, call.setup.target(), first).thenCompose(this::finish);
    }

    String callId() {
        return callerLeg.id();
    }

    // ---- the BXML, verb by verb ----

    /** Sends an event whose reply Bandwidth runs, then runs that reply on {@code leg}. */
    private CompletionStage<CallOutcome> exchange(CallLeg leg, URI url, VoiceEvent event) {
        return call.send(leg, url, event).thenCompose(sent -> {
            eventsAnswered++;
            CallOutcome failure = failureOf(event, sent);
            if (failure != null) {
                return done(failure);
            }
            boolean absentUrlsComeHome = call.player.transport().absentCallbacksComeHome();
            BxmlDocument document =
                    new BxmlDocument(url, sent.delivery().bxml(), event.eventType(), absentUrlsComeHome);
            if (event instanceof CallAnswered
                    && placed != null
                    && placed.detectionUrl().isPresent()) {
                return detect(leg, placed.detectionUrl().get()).thenCompose(ignored -> execute(leg, document, 0));
            }
            return execute(leg, document, 0);
        });
    }

    /**
     * Asynchronous machine detection reports while the answer's BXML starts: its result goes out before the
     * first verb, the call's clock moved on by the time detection took.
     */
    private CompletionStage<Void> detect(CallLeg leg, URI url) {
        if (placed.detected().duration() != null) {
            call.advance(placed.detected().duration());
        }
        return call.inform(leg, url, new MachineDetectionCompleted(leg.current(), placed.detected()));
    }

    /** What the Voice API asked: a redirect runs the BXML its URL returns, a hang-up ends the call. */
    private CompletionStage<CallOutcome> steer(CallLeg leg, PlacedCall.Update update) {
        if (update instanceof PlacedCall.Redirect redirect) {
            return exchange(leg, redirect.url(), new CallRedirected(leg.current()));
        }
        return done(CallOutcome.hungUpByBxml());
    }

    /** How Bandwidth fails the call on this reply; {@code null} when it runs it. */
    private static CallOutcome failureOf(VoiceEvent event, WebhookSender.Sent sent) {
        Delivery delivery = sent.delivery();
        if (!delivery.answered()) {
            return CallOutcome.failed(DisconnectCause.CALLBACK_ERROR, delivery.failure());
        }
        if (delivery.status() != 200) {
            return CallOutcome.failed(DisconnectCause.CALLBACK_ERROR, "HTTP " + delivery.status());
        }
        if (delivery.unreadable() != null) {
            return CallOutcome.failed(DisconnectCause.INVALID_BXML, delivery.unreadable());
        }
        if (delivery.bxml() == null) {
            return CallOutcome.failed(DisconnectCause.INVALID_BXML, "empty reply to " + event.eventType());
        }
        // The reply checks already judged the BXML against the rules for this event.
        List<String> broken = sent.brokenRules();
        return broken.isEmpty() ? null : CallOutcome.failed(DisconnectCause.INVALID_BXML, "BXML breaks " + broken);
    }

    private CompletionStage<CallOutcome> execute(CallLeg leg, BxmlDocument document, int index) {
        Optional<PlacedCall.Update> update = placed == null ? Optional.empty() : placed.take();
        if (update.isPresent()) {
            return steer(leg, update.get());
        }
        List<Verb> verbs = document.response().verbs();
        if (index >= verbs.size()) {
            return done(CallOutcome.documentEnded());
        }
        Verb verb = verbs.get(index);
        if (call.sender.eventsSent() >= call.player.script().maxEventsPerCall()) {
            cut = true;
            return done(CallOutcome.hungUpByCaller());
        }
        if (leg.person.hangsUpBefore(verb, eventsAnswered)) {
            return done(CallOutcome.hungUpByCaller());
        }
        Supplier<CompletionStage<CallOutcome>> next = () -> execute(leg, document, index + 1);
        try {
            return play(leg, document, verb, next);
        } catch (BxmlDocument.UnusableUrl unusable) {
            call.observer.violation(new Violation(
                    leg.id(),
                    document.answers(),
                    document.base().toString(),
                    ReplyChecks.CALLBACK_URL,
                    unusable.getMessage()));
            return done(CallOutcome.failed(DisconnectCause.INVALID_BXML, unusable.getMessage()));
        }
    }

    private CompletionStage<CallOutcome> play(
            CallLeg leg, BxmlDocument document, Verb verb, Supplier<CompletionStage<CallOutcome>> next) {
        if (verb instanceof Gather gather) {
            return gatherStep.play(leg, document, gather, next);
        }
        if (verb instanceof Record record) {
            return recordStep.play(leg, document, record, next);
        }
        if (verb instanceof Transfer transfer) {
            return transferStep.play(leg, document, transfer, next);
        }
        if (verb instanceof Conference conference) {
            return conferenceStep.play(leg, document, conference, next);
        }
        call.ran(leg, verb);
        if (verb instanceof Redirect redirect) {
            URI url = document.resolve(redirect.redirect(), "redirectUrl");
            if (url == null) {
                return done(CallOutcome.failed(DisconnectCause.INVALID_BXML, "<Redirect> without redirectUrl"));
            }
            return exchange(leg, url, new CallRedirected(leg.current()));
        }
        if (verb instanceof Hangup) {
            return done(CallOutcome.hungUpByBxml());
        }
        if (verb instanceof Forward) {
            // The application loses the call; it ends when the two parties are done talking.
            call.advance(Verbs.TALK);
            return done(CallOutcome.hungUpByBxml());
        }
        if (verb instanceof Bridge bridge) {
            call.advance(Verbs.TALK);
            URI url = document.resolve(bridge.bridgeComplete(), "bridgeCompleteUrl");
            return url == null
                    ? next.get()
                    : exchange(
                            leg, url, new BridgeCompleted(leg.current(), new CallEnding(call.now(), null, null, null)));
        }
        if (verb instanceof Pause && placed != null) {
            // A pause is where a placed call waits for the service to steer it (the demo's machine detection).
            Duration pause = Verbs.playTime(verb);
            call.advance(pause);
            long waitMillis = Math.min(pause.toMillis(), placed.updateWait().toMillis());
            return call.player.after(waitMillis, placed.next()).thenCompose(ignored -> next.get());
        }
        if (verb instanceof Tag tag) {
            leg.tag = tag.value() == null || tag.value().isBlank()
                    ? null
                    : tag.value().strip();
        }
        call.advance(Verbs.playTime(verb));
        return next.get();
    }

    // ---- the end of the call ----

    /** Sends the disconnect and whatever asynchronous events are still owed, possibly out of order. */
    private CompletionStage<CallOutcome> finish(CallOutcome outcome) {
        CallLeg leg = callerLeg;
        call.observer.activity(CallActivity.ended(Party.CALLER, leg.id(), outcome, call.now()));
        Instant ended = call.now();
        return owed.sendAfter(
                        leg,
                        call.setup.statusUrl(),
                        at -> new CallDisconnected(
                                leg.details(at).build(),
                                new CallEnding(ended, outcome.disconnectCause(), outcome.errorMessage(), null)))
                .thenApply(ignored -> {
                    call.observer.callEnded(call.setup.profile(), outcome, cut);
                    return outcome;
                });
    }
}
