package io.switchboard.testkit.flow;

import io.switchboard.application.serialization.JacksonFlowDataCodec;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.verb.Conference;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Hangup;
import io.switchboard.domain.verb.PlayAudio;
import io.switchboard.domain.verb.Record;
import io.switchboard.domain.verb.Redirect;
import io.switchboard.domain.verb.SpeakSentence;
import io.switchboard.domain.verb.Transfer;
import io.switchboard.domain.verb.TransferTarget;
import io.switchboard.domain.verb.Verb;
import io.switchboard.testkit.simulator.CallActivity;
import io.switchboard.testkit.simulator.CallActivity.Party;
import io.switchboard.testkit.simulator.CallObserver;
import io.switchboard.testkit.simulator.CallOutcome;
import io.switchboard.testkit.simulator.CallPlayer;
import io.switchboard.testkit.simulator.CallSetup;
import io.switchboard.testkit.simulator.Caller;
import io.switchboard.testkit.simulator.CallerMove;
import io.switchboard.testkit.simulator.Delivery;
import io.switchboard.testkit.simulator.ReplyChecks;
import io.switchboard.testkit.simulator.Violation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One call of a {@link FlowTest}: the test is the caller. Expectations read what the call did in order (each
 * party has its own place in the record); actions answer the call where it waits for the caller, then return
 * once it waits again or is over. Every method fails with an {@link AssertionError} that says what happened
 * instead, so a test needs no assertion library.
 */
public final class CallUnderTest {
    private static final JacksonFlowDataCodec FLOW_DATA = new JacksonFlowDataCodec();

    private final Duration patience;
    private final LocalVoiceEventHandler service;
    private final Object lock = new Object();
    private final List<CallActivity> activities = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final List<Violation> violations = new ArrayList<>();
    private final int[] cursors = new int[Party.values().length];
    private String callId;
    private CompletionStage<CallOutcome> outcome;
    private Verb waitingAt;
    private CompletableFuture<CallerMove> move;
    private boolean strict;

    CallUnderTest(Duration patience, LocalVoiceEventHandler service) {
        this.patience = patience;
        this.service = service;
    }

    void start(CallPlayer player, CallSetup setup) {
        CallPlayer.Playing playing = player.play(setup, new Recorder());
        synchronized (lock) {
            callId = playing.callId();
            outcome = playing.outcome();
        }
        outcome.whenComplete((ended, failure) -> {
            synchronized (lock) {
                lock.notifyAll();
            }
        });
        awaitCaller();
    }

    /** The person the simulator asks; answers come from the test's actions. */
    Caller caller() {
        return (verb, gatherIndex) -> {
            CompletableFuture<CallerMove> answer = new CompletableFuture<>();
            synchronized (lock) {
                waitingAt = verb;
                move = answer;
                lock.notifyAll();
            }
            return answer;
        };
    }

    // ---- what the caller hears and the call does ----

    /** The caller hears speech containing {@code fragment} next (a gather's prompts come before the gather). */
    public CallUnderTest expectSpeaks(String fragment) {
        return callerHears().expectSpeaks(fragment);
    }

    /** The caller hears the audio file {@code url} next. */
    public CallUnderTest expectPlays(String url) {
        next(
                Party.CALLER,
                "to play " + url,
                verb -> verb instanceof PlayAudio play && play.url().equals(url));
        return this;
    }

    /** A {@code <Gather>} waits for keys next; returns it for closer assertions. */
    public Gather expectGather() {
        return (Gather) next(Party.CALLER, "a <Gather>", Gather.class::isInstance);
    }

    /** A {@code <Record>} records the caller next; returns it for closer assertions. */
    public Record expectRecord() {
        return (Record) next(Party.CALLER, "a <Record>", Record.class::isInstance);
    }

    /** A {@code <Transfer>} rings {@code number} (among its targets) next. */
    public Transfer expectTransfer(String number) {
        return (Transfer) next(
                Party.CALLER,
                "a <Transfer> to " + number,
                verb -> verb instanceof Transfer transfer
                        && transfer.targets().stream()
                                .map(TransferTarget::address)
                                .anyMatch(number::equals));
    }

    /** The call joins the conference {@code name} next. */
    public Conference expectConference(String name) {
        return (Conference) next(
                Party.CALLER,
                "to join the conference " + name,
                verb -> verb instanceof Conference conference
                        && conference.name().equals(name));
    }

    /** A {@code <Redirect>} asks for new BXML next. */
    public CallUnderTest expectRedirect() {
        next(Party.CALLER, "a <Redirect>", Redirect.class::isInstance);
        return this;
    }

    /** The BXML hangs up next. */
    public CallUnderTest expectHangup() {
        next(Party.CALLER, "a <Hangup>", Hangup.class::isInstance);
        return this;
    }

    /**
     * From now on expectations take every verb in turn, those the caller does not notice too ({@code <Tag>},
     * recording, stream and transcription controls: see {@link Audibility}); otherwise they step over them unless
     * they ask for one, as {@code expect(Tag.class)} does.
     */
    public CallUnderTest strict() {
        synchronized (lock) {
            strict = true;
        }
        return this;
    }

    /** The next verb the caller's leg runs is a {@code type} (verbs the caller does not notice skipped unless that is one); returns it. */
    public <V extends Verb> V expect(Class<V> type) {
        return type.cast(next(Party.CALLER, "a <" + type.getSimpleName() + ">", type::isInstance));
    }

    /** What the person who answered a transfer hears (the reply to {@code transferAnswer}). */
    public Listener transferTarget() {
        return new Listener(Party.TRANSFER_TARGET);
    }

    /** What the conference hears in reply to this call's conference events (created, member join and exit). */
    public Listener conference() {
        return new Listener(Party.CONFERENCE);
    }

    private Listener callerHears() {
        return new Listener(Party.CALLER);
    }

    /** One party's view of the call. */
    public final class Listener {
        private final Party party;

        private Listener(Party party) {
            this.party = party;
        }

        public CallUnderTest expectSpeaks(String fragment) {
            next(
                    party,
                    "to hear speech containing \"" + fragment + "\"",
                    verb -> verb instanceof SpeakSentence speak && speak.text().contains(fragment));
            return CallUnderTest.this;
        }

        /** Nothing more was played to this party. */
        public CallUnderTest expectSilence() {
            synchronized (lock) {
                List<CallActivity> rest = remaining(party).stream()
                        .filter(activity -> !steppedOver(activity, verb -> false))
                        .toList();
                if (!rest.isEmpty()) {
                    throw failure("expected nothing more for the " + name(party) + ", but: " + rest.get(0));
                }
            }
            return CallUnderTest.this;
        }
    }

    // ---- what the caller does ----

    /** Presses {@code keys} at the waiting {@code <Gather>}. */
    public CallUnderTest press(String keys) {
        return answer(Gather.class, "press " + keys, CallerMove.press(keys));
    }

    /** Presses nothing: the waiting {@code <Gather>} times out with no digits. */
    public CallUnderTest noInput() {
        return answer(Gather.class, "let the gather time out", CallerMove.noInput());
    }

    /** Stops talking into the waiting {@code <Record>}; it ends and {@code recordComplete} is sent. */
    public CallUnderTest finishRecording() {
        return answer(Record.class, "finish the recording", CallerMove.proceed());
    }

    /** The transfer's target hangs up; the caller is still there and the call goes on. */
    public CallUnderTest farEndHangsUp() {
        return answer(Transfer.class, "end the transfer", CallerMove.proceed());
    }

    /** Leaves the conference without hanging up; the verbs after {@code <Conference>} run. */
    public CallUnderTest leaveConference() {
        return answer(Conference.class, "leave the conference", CallerMove.proceed());
    }

    /** Hangs up wherever the call waits; returns once its disconnect (and any owed events) was delivered. */
    public CallUnderTest hangUp() {
        return answer(Verb.class, "hang up", CallerMove.hangUp());
    }

    private CallUnderTest answer(Class<? extends Verb> expected, String action, CallerMove chosen) {
        CompletableFuture<CallerMove> pending;
        synchronized (lock) {
            if (move == null || !expected.isInstance(waitingAt)) {
                throw failure("cannot " + action + ": " + where());
            }
            pending = move;
            move = null;
            waitingAt = null;
        }
        pending.complete(chosen);
        awaitCaller();
        return this;
    }

    // ---- how it ended ----

    /** The call is over; returns how its BXML ended. */
    public CallOutcome expectEnded() {
        synchronized (lock) {
            if (!outcome.toCompletableFuture().isDone()) {
                throw failure("expected the call to be over, but " + where());
            }
        }
        return outcome.toCompletableFuture().join();
    }

    /** The events Bandwidth sent for this call, in order ({@code initiate}, {@code gather}, ...). */
    public List<String> events() {
        synchronized (lock) {
            return List.copyOf(events);
        }
    }

    /** Every check a reply failed so far. */
    public List<Violation> violations() {
        synchronized (lock) {
            return List.copyOf(violations);
        }
    }

    /** Every reply passed every check (status, BXML rules for its event, deadline, not the fallback). */
    public CallUnderTest assertNoViolations() {
        synchronized (lock) {
            if (!violations.isEmpty()) {
                throw failure("expected every reply to pass its checks, but " + violations.size() + " did not");
            }
        }
        return this;
    }

    public String callId() {
        return callId;
    }

    /**
     * The call's flow data as a {@code type}, as the flow left it after the latest reply:
     * {@code assertEquals(new Attempts(2), call.flowData(Attempts.class))}. Fails when the flow set none.
     */
    public <T> T flowData(Class<T> type) {
        return service.callFlowData(CallId.of(callId()), patience)
                .map(data -> FLOW_DATA.read(data, type))
                .orElseThrow(() -> failure("expected flow data, but the flow set none for this call"));
    }

    // ---- the record ----

    private Verb next(Party party, String expected, Predicate<Verb> matches) {
        synchronized (lock) {
            List<CallActivity> rest = remaining(party);
            int skipped = 0;
            while (skipped < rest.size() && steppedOver(rest.get(skipped), matches)) {
                skipped++;
            }
            if (skipped == rest.size()) {
                throw failure("expected " + expected + " for the " + name(party) + ", but nothing more happened "
                        + "there; " + where());
            }
            CallActivity next = rest.get(skipped);
            cursors[party.ordinal()] += skipped + 1;
            if (next.verb() == null || !matches.test(next.verb())) {
                throw failure("expected " + expected + " for the " + name(party) + ", but next: " + next);
            }
            return next.verb();
        }
    }

    /** A verb the caller does not notice, when the expectation is not about it: unless strict, it is skipped. */
    private boolean steppedOver(CallActivity activity, Predicate<Verb> matches) {
        return !strict
                && activity.verb() != null
                && !Audibility.isNoticed(activity.verb())
                && !matches.test(activity.verb());
    }

    private List<CallActivity> remaining(Party party) {
        List<CallActivity> own = activities.stream()
                .filter(activity -> activity.party() == party)
                .toList();
        return own.subList(Math.min(cursors[party.ordinal()], own.size()), own.size());
    }

    /** Waits until the call waits for the caller or is over; the flow may answer on other threads. */
    private void awaitCaller() {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (lock) {
            while (move == null && !outcome.toCompletableFuture().isDone()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw failure(
                            "the call neither waited for the caller nor ended within " + patience.toMillis() + " ms");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failure("interrupted while waiting for the call");
                }
            }
        }
        CompletableFuture<CallOutcome> ended = outcome.toCompletableFuture();
        if (ended.isCompletedExceptionally()) {
            throw failure("the simulator failed: "
                    + ended.handle((ok, failure) -> failure).join());
        }
    }

    private String where() {
        if (move != null) {
            return "the call waits at " + waitingAt.verbName();
        }
        if (outcome.toCompletableFuture().isDone()) {
            return "the call is over (" + outcome.toCompletableFuture().getNow(null) + ")";
        }
        return "the call is still busy";
    }

    private static String name(Party party) {
        return switch (party) {
            case CALLER -> "caller";
            case TRANSFER_TARGET -> "transfer target";
            case CONFERENCE -> "conference";
        };
    }

    private AssertionError failure(String message) {
        StringBuilder text =
                new StringBuilder("call ").append(callId).append(": ").append(message);
        // Why the caller heard the apology, which the service only logs: the first fallback caused the rest.
        violations.stream()
                .filter(violation -> violation.check().equals(ReplyChecks.FALLBACK))
                .findFirst()
                .ifPresent(fallback -> text.append("\n  the caller heard the fallback to ")
                        .append(fallback.eventType())
                        .append(": ")
                        .append(fallback.detail()));
        text.append("\n  what happened:");
        activities.forEach(activity -> text.append("\n    ").append(activity));
        text.append("\n  events sent: ").append(events);
        if (!violations.isEmpty()) {
            text.append("\n  checks that failed:");
            violations.forEach(violation -> text.append("\n    ").append(violation));
        }
        return new AssertionError(text.toString());
    }

    /** Keeps the record; the simulator calls it from whatever thread the reply came on. */
    private final class Recorder implements CallObserver {
        @Override
        public void activity(CallActivity activity) {
            synchronized (lock) {
                activities.add(activity);
            }
        }

        @Override
        public void delivered(String legId, URI url, VoiceEvent event, Delivery delivery, List<Violation> failed) {
            synchronized (lock) {
                events.add(event.eventType());
                violations.addAll(failed);
            }
        }

        @Override
        public void violation(Violation violation) {
            synchronized (lock) {
                violations.add(violation);
            }
        }
    }
}
