package io.switchboard.testkit.simulator;

import static io.switchboard.testkit.simulator.CallContext.done;

import io.switchboard.domain.call.CallEnding;
import io.switchboard.domain.call.TransferAnswered;
import io.switchboard.domain.call.TransferCompleted;
import io.switchboard.domain.call.TransferDisconnected;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Transfer;
import io.switchboard.domain.verb.TransferTarget;
import io.switchboard.domain.verb.Verb;
import io.switchboard.testkit.simulator.CallActivity.Party;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Plays a {@code <Transfer>}: rings a leg for every target; unless the caller's script says nobody answers, the
 * first picks up ({@code transferAnswer}, whose BXML plays on that leg) and the others stop ringing; the two talk,
 * each leg ends with its {@code transferDisconnect}, and {@code transferComplete} hands the caller's leg back to
 * the BXML.
 */
final class TransferStep {
    private static final Duration RINGING = Duration.ofSeconds(3);
    /** Bandwidth's default for {@code callTimeout}. */
    private static final double DEFAULT_CALL_TIMEOUT_SECONDS = 30;

    /** A leg a transfer rings, and where its {@code transferDisconnect} goes ({@code null}: nowhere). */
    private record Rung(CallLeg leg, URI disconnectUrl) {}

    private final CallContext call;

    TransferStep(CallContext call) {
        this.call = call;
    }

    CompletionStage<CallOutcome> play(
            CallLeg leg, BxmlDocument document, Transfer transfer, Supplier<CompletionStage<CallOutcome>> next) {
        call.ran(leg, transfer);
        String callerId = transfer.transferCallerId() != null ? transfer.transferCallerId() : leg.from;
        // Every URL is resolved before anything is sent, so a bad one fails the verb, not a later stage.
        List<Rung> rung = new ArrayList<>();
        for (TransferTarget target : transfer.targets()) {
            rung.add(new Rung(
                    call.newLeg(
                            Party.TRANSFER_TARGET,
                            Direction.OUTBOUND,
                            callerId,
                            target.address(),
                            leg.callId,
                            TransferTargetPerson.INSTANCE),
                    document.resolve(target.transferDisconnect(), "transferDisconnectUrl")));
        }
        URI answerUrl = document.resolve(transfer.targets().get(0).transferAnswer(), "transferAnswerUrl");
        URI completeUrl = document.resolve(transfer.transferComplete(), "transferCompleteUrl");
        Function<DisconnectCause, CompletionStage<CallOutcome>> complete = cause -> completeUrl == null
                ? next.get()
                : call.exchange(
                        leg,
                        completeUrl,
                        new TransferCompleted(
                                leg.details(call.now())
                                        .transfer(
                                                null,
                                                callerId,
                                                transfer.targets().get(0).address())
                                        .build(),
                                new CallEnding(null, cause, null, null)));
        if (!leg.person.transferAnswered()) {
            call.advance(Verbs.seconds(
                    transfer.callTimeout() == null ? DEFAULT_CALL_TIMEOUT_SECONDS : transfer.callTimeout()));
            return endLegs(rung, DisconnectCause.TIMEOUT)
                    .thenCompose(ignored -> complete.apply(DisconnectCause.TIMEOUT));
        }
        call.advance(RINGING);
        // The first target picks up; the others stop ringing.
        CallLeg answered = rung.get(0).leg();
        answered.answerTime = call.now();
        CompletionStage<CallOutcome> targetLeg = endLegs(rung.subList(1, rung.size()), DisconnectCause.CANCEL)
                .thenCompose(ignored -> answerUrl == null
                        ? done(CallOutcome.documentEnded())
                        : call.exchange(answered, answerUrl, new TransferAnswered(answered.current())));
        List<Rung> bridged = rung.subList(0, 1);
        return targetLeg.thenCompose(targetOutcome -> {
            if (targetOutcome.cause() != null) {
                // The target's BXML hung up (or failed) before the legs were bridged.
                DisconnectCause cause = targetOutcome.disconnectCause();
                return endLegs(bridged, cause).thenCompose(ignored -> complete.apply(cause));
            }
            return leg.person.respond(transfer, leg.gathersHeard).thenCompose(move -> {
                call.advance(move.after() != null ? move.after() : Verbs.TALK);
                CompletionStage<Void> targetGone = endLegs(bridged, DisconnectCause.HANGUP);
                return move.hangsUp()
                        ? targetGone.thenApply(ignored -> CallOutcome.hungUpByCaller())
                        : targetGone.thenCompose(ignored -> complete.apply(DisconnectCause.HANGUP));
            });
        });
    }

    /** Sends {@code transferDisconnect} for each rung leg that has a URL for it, one after another. */
    private CompletionStage<Void> endLegs(List<Rung> legs, DisconnectCause cause) {
        CompletionStage<Void> sent = CompletableFuture.completedFuture(null);
        for (Rung target : legs) {
            if (target.disconnectUrl() != null) {
                sent = sent.thenCompose(ignored -> call.inform(
                        target.leg(),
                        target.disconnectUrl(),
                        new TransferDisconnected(
                                target.leg().current(), new CallEnding(call.now(), cause, null, null))));
            }
        }
        return sent;
    }

    /** The person who answers a transfer: listens, presses nothing, leaves hanging up to others. */
    private enum TransferTargetPerson implements Caller {
        INSTANCE;

        @Override
        public CompletionStage<CallerMove> respond(Verb verb, int gatherIndex) {
            return CompletableFuture.completedFuture(
                    verb instanceof Gather ? CallerMove.noInput() : CallerMove.proceed());
        }
    }
}
