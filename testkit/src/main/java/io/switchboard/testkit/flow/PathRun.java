package io.switchboard.testkit.flow;

import io.switchboard.domain.call.CallState;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.verb.Conference;
import io.switchboard.domain.verb.Hangup;
import io.switchboard.domain.verb.Pause;
import io.switchboard.domain.verb.Redirect;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.Transfer;
import io.switchboard.domain.verb.Verb;
import io.switchboard.testkit.flow.Exploration.Finding;
import io.switchboard.testkit.flow.Exploration.Kind;
import io.switchboard.testkit.simulator.CallActivity;
import io.switchboard.testkit.simulator.CallActivity.Party;
import io.switchboard.testkit.simulator.CallObserver;
import io.switchboard.testkit.simulator.CallOutcome;
import io.switchboard.testkit.simulator.Caller;
import io.switchboard.testkit.simulator.CallerMove;
import io.switchboard.testkit.simulator.Delivery;
import io.switchboard.testkit.simulator.InProcessReply;
import io.switchboard.testkit.simulator.ReplyChecks;
import io.switchboard.testkit.simulator.Violation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One call of a {@link FlowExplorer}, the caller making {@code moves} and then hanging up where the call next
 * waits for them. It notes each place the caller was asked to act at (what they heard since their last move and
 * the call's state: its signature), where the call went after the moves, and what went wrong on the way.
 */
final class PathRun implements Caller, CallObserver {
    /** One thing the caller can do where the call waits for them. */
    record Move(String label, CallerMove move) {}

    static final String HANG_UP = "hang up";

    private final List<Move> moves;
    private final Function<CallState, ?> stateSignature;
    private final NamedCallbacks callbacks;
    private final List<Finding> findings = new ArrayList<>();
    /** The caller leg's verbs since the caller's last move. */
    private final List<Verb> heard = new ArrayList<>();
    /** The signature of every place the caller was asked to act at, in order. */
    private final List<String> signatures = new ArrayList<>();

    private int made;
    private int progress;
    private boolean hungUp;
    private Verb waitingAt;
    /** Where the caller made their last move; {@code null} before the first. */
    private Verb lastMoveAt;

    private CallState lastState;
    private String lastEvent;
    private Response lastReply;
    private CallOutcome outcome;
    private boolean cut;

    PathRun(List<Move> moves, Function<CallState, ?> stateSignature, NamedCallbacks callbacks) {
        this.moves = List.copyOf(moves);
        this.stateSignature = stateSignature;
        this.callbacks = callbacks;
    }

    // ---- the caller ----

    @Override
    public synchronized CompletionStage<CallerMove> respond(Verb verb, int gatherIndex) {
        progress++;
        signatures.add(signature());
        if (made < moves.size()) {
            heard.clear();
            lastMoveAt = verb;
            return CompletableFuture.completedFuture(moves.get(made++).move());
        }
        waitingAt = verb;
        hungUp = true;
        return CompletableFuture.completedFuture(CallerMove.hangUp());
    }

    /** What the caller heard since their last move, and the state the flow last saw that matters. */
    private String signature() {
        String state = lastState == null ? "" : Objects.toString(stateSignature.apply(lastState));
        return heard.stream().map(Verb::toString).collect(Collectors.joining(", ")) + " | " + state;
    }

    // ---- what happened ----

    /** The in-process service answered {@code event} with {@code answered}. */
    synchronized void answered(VoiceEvent event, InProcessReply answered) {
        progress++;
        if (answered.stateSeen() instanceof CallState state) {
            lastState = state;
        }
        EventReply reply = answered.reply();
        if (reply.origin().isFallback()) {
            String cause = answered.fallbackCause() == null
                    ? "the service answered with its fallback: " + reply.origin()
                    : answered.fallbackCause();
            found(
                    reply.origin() == ReplyOrigin.INVALID_BXML ? Kind.BXML_RULE : Kind.FALLBACK,
                    "on " + event.eventType() + ", " + cause);
        } else if (reply.response() != null) {
            callbacks
                    .unserved(reply.response())
                    .forEach(unserved ->
                            found(Kind.UNSERVED_CALLBACK, "the reply to " + event.eventType() + ": " + unserved));
        }
        if (reply.response() != null) {
            lastEvent = event.eventType();
            lastReply = reply.response();
        }
    }

    @Override
    public synchronized void activity(CallActivity activity) {
        if (activity.party() == Party.CALLER && activity.verb() != null) {
            heard.add(activity.verb());
        }
    }

    @Override
    public void delivered(String callId, URI url, VoiceEvent event, Delivery delivery, List<Violation> violations) {
        // A fallback is found with its cause as the service answers it.
        violations.stream()
                .filter(violation -> !violation.check().equals(ReplyChecks.FALLBACK))
                .forEach(this::violation);
    }

    @Override
    public synchronized void violation(Violation violation) {
        found(Kind.CHECK_FAILED, violation.eventType() + ": " + violation.check() + ": " + violation.detail());
    }

    @Override
    public synchronized void callEnded(String profile, CallOutcome ended, boolean cutAtEventLimit) {
        outcome = ended;
        cut = cutAtEventLimit;
        if (cutAtEventLimit) {
            found(Kind.LOOP, "the call went on without asking the caller anything until the simulator gave up");
        } else if (waitingAt == null && !ended.byCaller() && !ended.failed() && !afterTalking() && !saidAnything()) {
            found(
                    Kind.DEAD_END,
                    "the flow ended the call with nothing said, answering " + lastEvent + " with "
                            + (lastReply == null || lastReply.isEmpty() ? "no verbs" : describe(lastReply)));
        }
    }

    /** A call may well end without a word once the caller has talked to someone: a transfer, a conference. */
    private boolean afterTalking() {
        return lastMoveAt instanceof Transfer || lastMoveAt instanceof Conference;
    }

    /** Whether the caller heard anything since their last move: silence, a hang-up or a redirect is nothing. */
    private boolean saidAnything() {
        return heard.stream()
                .anyMatch(verb -> Audibility.isNoticed(verb)
                        && !(verb instanceof Hangup || verb instanceof Pause || verb instanceof Redirect));
    }

    private static String describe(Response response) {
        return response.verbs().stream()
                .map(verb -> "<" + verb.verbName() + ">")
                .collect(Collectors.joining());
    }

    private void found(Kind kind, String detail) {
        List<String> path =
                new ArrayList<>(moves.subList(0, made).stream().map(Move::label).toList());
        if (hungUp) {
            path.add(HANG_UP);
        }
        findings.add(new Finding(kind, path, detail));
    }

    // ---- read by the explorer once the call is over ----

    synchronized List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** How much happened so far: a call that stops making progress is stuck. */
    synchronized int progress() {
        return progress;
    }

    /** Where the call waited after the moves (the caller then hung up); {@code null} if it ended before. */
    synchronized Verb waitingAt() {
        return waitingAt;
    }

    /** The signature of the place the call waited at after the moves; {@code null} if it ended before. */
    synchronized String reached() {
        return waitingAt == null ? null : signatures.get(signatures.size() - 1);
    }

    /** The signatures of the places the caller was asked to act at, after the first {@code skipped} of them. */
    synchronized List<String> signaturesAfter(int skipped) {
        return List.copyOf(signatures.subList(Math.min(skipped, signatures.size()), signatures.size()));
    }

    /** Whether the call ended before the moves ran out, by the flow (not by the simulator's event limit). */
    synchronized boolean endedByFlow() {
        return waitingAt == null && outcome != null && !outcome.byCaller() && !cut;
    }
}
