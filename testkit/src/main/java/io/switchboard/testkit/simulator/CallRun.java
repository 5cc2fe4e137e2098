package io.switchboard.testkit.simulator;

import io.switchboard.domain.call.BridgeCompleted;
import io.switchboard.domain.call.CallAnswered;
import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.call.CallEnding;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallRedirected;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.call.Recording;
import io.switchboard.domain.call.RecordingAvailable;
import io.switchboard.domain.call.RecordingCompleted;
import io.switchboard.domain.call.RecordingStatus;
import io.switchboard.domain.call.Transcription;
import io.switchboard.domain.call.TranscriptionAvailable;
import io.switchboard.domain.call.TransferAnswered;
import io.switchboard.domain.call.TransferCompleted;
import io.switchboard.domain.call.TransferDisconnected;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.common.FileFormat;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceCompleted;
import io.switchboard.domain.conference.ConferenceCreated;
import io.switchboard.domain.conference.ConferenceDetails;
import io.switchboard.domain.conference.ConferenceMember;
import io.switchboard.domain.conference.ConferenceMemberExited;
import io.switchboard.domain.conference.ConferenceMemberJoined;
import io.switchboard.domain.verb.Bridge;
import io.switchboard.domain.verb.BxmlRules;
import io.switchboard.domain.verb.Callback;
import io.switchboard.domain.verb.Conference;
import io.switchboard.domain.verb.Forward;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Hangup;
import io.switchboard.domain.verb.PlainCallback;
import io.switchboard.domain.verb.Prompt;
import io.switchboard.domain.verb.Record;
import io.switchboard.domain.verb.Redirect;
import io.switchboard.domain.verb.ReplyContext;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.RuleViolation;
import io.switchboard.domain.verb.Tag;
import io.switchboard.domain.verb.Transfer;
import io.switchboard.domain.verb.TransferTarget;
import io.switchboard.domain.verb.Verb;
import io.switchboard.testkit.simulator.CallActivity.Party;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One simulated call, played as Bandwidth plays it: the first webhook, then the BXML of each reply verb by verb,
 * the callbacks those verbs cause (to the URLs the BXML names, relative ones resolved against the URL that
 * returned the BXML), and at the end the disconnect and the asynchronous events still owed. Time passes on the
 * call's virtual clock only, so nothing sleeps; the only real waiting is for replies.
 *
 * <p>A run is one chain of stages: nothing of one call runs concurrently with anything else of it, so its
 * fields need no locks.
 */
final class CallRun {
    private static final Duration RINGING = Duration.ofSeconds(3);
    private static final Duration DEFAULT_TALK = Duration.ofSeconds(20);
    private static final Duration DEFAULT_RECORDING = Duration.ofSeconds(10);
    private static final Duration DEFAULT_CONFERENCE_STAY = Duration.ofSeconds(30);
    private static final Duration ASYNC_PROCESSING = Duration.ofSeconds(2);
    private static final Duration PER_KEY = Duration.ofSeconds(1);

    /** A BXML document and the URL that returned it, against which its relative URLs resolve. */
    private record Document(URI base, Response response, String answers) {}

    /** An asynchronous event owed after the call: sent with the disconnect, possibly out of order. */
    private record Owed(Leg leg, URI url, Function<Instant, VoiceEvent> event) {}

    /** A callback URL that BXML named but that cannot be used. */
    private static final class UnusableUrl extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnusableUrl(String message) {
            super(message, null, false, false);
        }
    }

    /** One leg of the call: the caller's own, or the B-leg of a transfer. */
    private final class Leg {
        final Party party;
        final CallId callId;
        final Direction direction;
        final String from;
        final String to;
        final Instant startTime;
        final CallId parentCallId;
        final Caller person;
        Instant answerTime;
        String tag;

        Leg(
                Party party,
                CallId callId,
                Direction direction,
                String from,
                String to,
                CallId parentCallId,
                Caller person) {
            this.party = party;
            this.callId = callId;
            this.direction = direction;
            this.from = from;
            this.to = to;
            this.startTime = CallRun.this.now();
            this.parentCallId = parentCallId;
            this.person = person;
        }

        CallDetails.Builder details(Instant eventTime) {
            CallDetails.Builder details = CallDetails.builder(callId)
                    .eventTime(eventTime)
                    .account(player.script().accountId(), player.script().applicationId())
                    .parties(from, to, direction)
                    .callUrl("https://voice.bandwidth.com/api/v2/accounts/"
                            + player.script().accountId() + "/calls/" + callId)
                    .times(startTime, answerTime, null)
                    .tag(tag);
            return parentCallId == null ? details : details.transfer(parentCallId, from, to);
        }

        /** The leg's details as an event sent now carries them. */
        CallDetails current() {
            return details(now()).build();
        }

        String id() {
            return callId.value();
        }
    }

    private final CallPlayer player;
    private final CallObserver observer;
    private final CallSetup setup;
    private final SplittableRandom random;
    private final Leg callerLeg;
    private final List<Owed> owed = new ArrayList<>();
    private Instant clock;
    private int eventsSent;
    private int eventsAnswered;
    private int gathers;
    private int legs;
    private int recordings;
    private boolean cut;

    CallRun(CallPlayer player, CallSetup setup, CallObserver observer) {
        this.player = player;
        this.observer = observer;
        this.setup = setup;
        this.random = new SplittableRandom(setup.seed());
        this.clock = setup.startTime();
        this.callerLeg =
                new Leg(Party.CALLER, nextCallId(), setup.direction(), setup.from(), setup.to(), null, setup.caller());
    }

    /** Plays the whole call; completes once its last event was delivered, with how its BXML ended. */
    CompletionStage<CallOutcome> run() {
        Leg leg = callerLeg;
        VoiceEvent first;
        if (leg.direction == Direction.INBOUND) {
            first = new CallInitiated(leg.current());
            // An inbound call is answered by the BXML the initiate returns; later events carry that moment.
            leg.answerTime = now();
        } else {
            leg.answerTime = now();
            first = new CallAnswered(leg.current());
        }
        return exchange(leg, setup.target(), first).thenCompose(this::finish);
    }

    String callId() {
        return callerLeg.id();
    }

    // ---- the BXML, verb by verb ----

    /** Sends an event whose reply Bandwidth runs, then runs that reply on {@code leg}. */
    private CompletionStage<CallOutcome> exchange(Leg leg, URI url, VoiceEvent event) {
        return send(leg, url, event).thenCompose(delivery -> {
            eventsAnswered++;
            CallOutcome failure = failureOf(event, delivery);
            return failure != null
                    ? done(failure)
                    : execute(leg, new Document(url, delivery.bxml(), event.eventType()), 0);
        });
    }

    /** How Bandwidth fails the call on this reply; {@code null} when it runs it. */
    private static CallOutcome failureOf(VoiceEvent event, Delivery delivery) {
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
        List<RuleViolation> broken = BxmlRules.check(delivery.bxml(), ReplyContext.ofEventType(event.eventType()));
        if (!broken.isEmpty()) {
            return CallOutcome.failed(DisconnectCause.INVALID_BXML, "BXML breaks " + broken);
        }
        return null;
    }

    private CompletionStage<CallOutcome> execute(Leg leg, Document document, int index) {
        List<Verb> verbs = document.response().verbs();
        if (index >= verbs.size()) {
            return done(CallOutcome.documentEnded());
        }
        Verb verb = verbs.get(index);
        if (eventsSent >= player.script().maxEventsPerCall()) {
            cut = true;
            return done(CallOutcome.hungUpByCaller());
        }
        if (leg.person.hangsUpBefore(verb, eventsAnswered)) {
            return done(CallOutcome.hungUpByCaller());
        }
        Supplier<CompletionStage<CallOutcome>> next = () -> execute(leg, document, index + 1);
        try {
            return run(leg, document, verb, next);
        } catch (UnusableUrl unusable) {
            observer.violation(new Violation(
                    leg.id(),
                    document.answers(),
                    document.base().toString(),
                    ReplyChecks.CALLBACK_URL,
                    unusable.getMessage()));
            return done(CallOutcome.failed(DisconnectCause.INVALID_BXML, unusable.getMessage()));
        }
    }

    private CompletionStage<CallOutcome> run(
            Leg leg, Document document, Verb verb, Supplier<CompletionStage<CallOutcome>> next) {
        if (verb instanceof Gather gather) {
            return gather(leg, document, gather, next);
        }
        if (verb instanceof Record record) {
            return record(leg, document, record, next);
        }
        if (verb instanceof Transfer transfer) {
            return transfer(leg, document, transfer, next);
        }
        if (verb instanceof Conference conference) {
            return conference(leg, document, conference, next);
        }
        ran(leg, verb);
        if (verb instanceof Redirect redirect) {
            URI url = resolve(document, redirect.redirect(), "redirectUrl");
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
            advance(DEFAULT_TALK);
            return done(CallOutcome.hungUpByBxml());
        }
        if (verb instanceof Bridge bridge) {
            advance(DEFAULT_TALK);
            URI url = resolve(document, bridge.bridgeComplete(), "bridgeCompleteUrl");
            return url == null
                    ? next.get()
                    : exchange(leg, url, new BridgeCompleted(leg.current(), new CallEnding(now(), null, null, null)));
        }
        if (verb instanceof Tag tag) {
            leg.tag = tag.value() == null || tag.value().isBlank()
                    ? null
                    : tag.value().strip();
        }
        advance(Verbs.playTime(verb));
        return next.get();
    }

    private CompletionStage<CallOutcome> gather(
            Leg leg, Document document, Gather gather, Supplier<CompletionStage<CallOutcome>> next) {
        Duration promptTime = Duration.ZERO;
        for (Prompt prompt : gather.prompts()) {
            ran(leg, prompt);
            promptTime = promptTime.plus(Verbs.playTime(prompt));
        }
        Duration prompts = promptTime;
        ran(leg, gather);
        advance(prompts);
        URI url = resolve(document, gather.gather(), "gatherUrl");
        int gatherIndex = leg == callerLeg ? gathers++ : 0;
        return leg.person.respond(gather, gatherIndex).thenCompose(move -> {
            if (move.hangsUp()) {
                advance(move.after());
                return done(CallOutcome.hungUpByCaller());
            }
            Gathered gathered = Gathered.of(gather, move);
            advance(move.after() != null ? move.after() : gathered.took(gather, prompts));
            return url == null
                    ? next.get()
                    : exchange(
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

    private CompletionStage<CallOutcome> record(
            Leg leg, Document document, Record record, Supplier<CompletionStage<CallOutcome>> next) {
        ran(leg, record);
        URI completeUrl = resolve(document, record.recordComplete(), "recordCompleteUrl");
        URI availableUrl = resolve(document, record.recordingAvailable(), "recordingAvailableUrl");
        URI transcriptionUrl = Boolean.TRUE.equals(record.transcribe())
                ? resolve(document, record.transcriptionAvailable(), "transcriptionAvailableUrl")
                : null;
        return leg.person.respond(record, gathers).thenCompose(move -> {
            Duration spoken = move.after() != null ? move.after() : DEFAULT_RECORDING;
            Duration limit = Duration.ofSeconds(record.maxDuration() == null ? 60 : record.maxDuration());
            Duration length = spoken.compareTo(limit) > 0 ? limit : spoken;
            Instant started = now();
            advance(length);
            String recordingId = "r-" + leg.id() + "-" + ++recordings;
            Recording recording = new Recording(
                    recordingId,
                    "https://voice.bandwidth.com/api/v2/accounts/"
                            + player.script().accountId() + "/calls/" + leg.id() + "/recordings/" + recordingId
                            + "/media",
                    1,
                    length,
                    record.fileFormat() == null ? FileFormat.WAV : record.fileFormat(),
                    started,
                    now(),
                    null);
            // The media is processed after the recording ended; those events often arrive after the call is over.
            if (availableUrl != null) {
                owed.add(new Owed(
                        leg,
                        availableUrl,
                        at -> new RecordingAvailable(
                                recordingDetails(leg, at, recording),
                                recording.updatedBy(withStatus(recording, RecordingStatus.COMPLETE)))));
            }
            if (transcriptionUrl != null) {
                owed.add(new Owed(
                        leg,
                        transcriptionUrl,
                        at -> new TranscriptionAvailable(
                                recordingDetails(leg, at, recording),
                                recording,
                                new Transcription(
                                        "t-" + recordingId,
                                        "https://voice.bandwidth.com/api/v2/accounts/"
                                                + player.script().accountId() + "/recordings/" + recordingId
                                                + "/transcription",
                                        "available",
                                        at))));
            }
            if (move.hangsUp()) {
                // Bandwidth sends no recordComplete to a call that hung up; the recording is kept all the same.
                return done(CallOutcome.hungUpByCaller());
            }
            return completeUrl == null
                    ? next.get()
                    : exchange(
                            leg,
                            completeUrl,
                            new RecordingCompleted(recordingDetails(leg, now(), recording), recording));
        });
    }

    /** A recording event's startTime is the recording's: the payload has one field for both. */
    private CallDetails recordingDetails(Leg leg, Instant at, Recording recording) {
        return leg.details(at)
                .times(recording.startTime(), leg.answerTime, null)
                .build();
    }

    private static Recording withStatus(Recording recording, RecordingStatus status) {
        return new Recording(recording.recordingId(), null, null, null, null, null, null, status);
    }

    /** A leg a transfer rings, and where its {@code transferDisconnect} goes ({@code null}: nowhere). */
    private record Rung(Leg leg, URI disconnectUrl) {}

    private CompletionStage<CallOutcome> transfer(
            Leg leg, Document document, Transfer transfer, Supplier<CompletionStage<CallOutcome>> next) {
        ran(leg, transfer);
        String callerId = transfer.transferCallerId() != null ? transfer.transferCallerId() : leg.from;
        // Every URL is resolved before anything is sent, so a bad one fails the verb, not a later stage.
        List<Rung> rung = new ArrayList<>();
        for (TransferTarget target : transfer.targets()) {
            rung.add(new Rung(
                    new Leg(
                            Party.TRANSFER_TARGET,
                            nextCallId(),
                            Direction.OUTBOUND,
                            callerId,
                            target.address(),
                            leg.callId,
                            TransferTargetPerson.INSTANCE),
                    resolve(document, target.transferDisconnect(), "transferDisconnectUrl")));
        }
        URI answerUrl = resolve(document, transfer.targets().get(0).transferAnswer(), "transferAnswerUrl");
        URI completeUrl = resolve(document, transfer.transferComplete(), "transferCompleteUrl");
        Function<DisconnectCause, CompletionStage<CallOutcome>> complete = cause -> completeUrl == null
                ? next.get()
                : exchange(
                        leg,
                        completeUrl,
                        new TransferCompleted(
                                leg.details(now())
                                        .transfer(
                                                null,
                                                callerId,
                                                transfer.targets().get(0).address())
                                        .build(),
                                new CallEnding(null, cause, null, null)));
        if (!leg.person.transferAnswered()) {
            advance(Duration.ofSeconds(transfer.callTimeout() == null ? 30 : transfer.callTimeout()));
            return endLegs(rung, DisconnectCause.TIMEOUT)
                    .thenCompose(ignored -> complete.apply(DisconnectCause.TIMEOUT));
        }
        advance(RINGING);
        // The first target picks up; the others stop ringing.
        Leg answered = rung.get(0).leg();
        answered.answerTime = now();
        CompletionStage<CallOutcome> targetLeg = endLegs(rung.subList(1, rung.size()), DisconnectCause.CANCEL)
                .thenCompose(ignored -> answerUrl == null
                        ? done(CallOutcome.documentEnded())
                        : exchange(answered, answerUrl, new TransferAnswered(answered.current())));
        List<Rung> bridged = rung.subList(0, 1);
        return targetLeg.thenCompose(targetOutcome -> {
            if (targetOutcome.cause() != null) {
                // The target's BXML hung up (or failed) before the legs were bridged.
                DisconnectCause cause = targetOutcome.disconnectCause();
                return endLegs(bridged, cause).thenCompose(ignored -> complete.apply(cause));
            }
            return leg.person.respond(transfer, gathers).thenCompose(move -> {
                advance(move.after() != null ? move.after() : DEFAULT_TALK);
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
                sent = sent.thenCompose(ignored -> send(
                                target.leg(),
                                target.disconnectUrl(),
                                new TransferDisconnected(
                                        target.leg().current(), new CallEnding(now(), cause, null, null)))
                        .thenApply(delivery -> null));
            }
        }
        return sent;
    }

    private CompletionStage<CallOutcome> conference(
            Leg leg, Document document, Conference conference, Supplier<CompletionStage<CallOutcome>> next) {
        ran(leg, conference);
        URI eventUrl = resolve(document, conference.conferenceEvent(), "conferenceEventUrl");
        ConferenceMember member = new ConferenceMember(leg.callId, leg.from, leg.to);
        CompletionStage<Void> joined = player.rooms()
                .join(
                        conference.name(),
                        leg.id(),
                        leg.tag,
                        eventUrl,
                        (room, created) -> (created
                                        ? conferenceEvent(leg, room, new ConferenceCreated(conferenceDetails(room)))
                                        : CompletableFuture.<Void>completedFuture(null))
                                .thenCompose(ignored -> conferenceEvent(
                                        leg, room, new ConferenceMemberJoined(conferenceDetails(room), member))));
        return joined.thenCompose(ignored -> leg.person.respond(conference, gathers))
                .thenCompose(move -> {
                    advance(move.after() != null ? move.after() : DEFAULT_CONFERENCE_STAY);
                    CompletionStage<Void> left = player.rooms()
                            .leave(
                                    conference.name(),
                                    leg.id(),
                                    (room, last) -> conferenceEvent(
                                                    leg,
                                                    room,
                                                    new ConferenceMemberExited(conferenceDetails(room), member))
                                            .thenCompose(ignored -> last
                                                    ? conferenceEvent(
                                                            leg, room, new ConferenceCompleted(conferenceDetails(room)))
                                                    : CompletableFuture.completedFuture(null)));
                    return left.thenCompose(
                            ignored -> move.hangsUp() ? done(CallOutcome.hungUpByCaller()) : next.get());
                });
    }

    private ConferenceDetails conferenceDetails(ConferenceRooms.Room room) {
        return new ConferenceDetails(ConferenceId.of(room.conferenceId), room.name, room.tag, now());
    }

    /** Sends a conference event; BXML in its reply plays to the whole conference and causes no callbacks here. */
    private CompletionStage<Void> conferenceEvent(Leg leg, ConferenceRooms.Room room, VoiceEvent event) {
        if (room.eventUrl == null) {
            return CompletableFuture.completedFuture(null);
        }
        return send(leg, room.eventUrl, event).thenAccept(delivery -> {
            if (delivery.bxml() != null && delivery.status() == 200) {
                delivery.bxml()
                        .verbs()
                        .forEach(verb -> observer.activity(CallActivity.ran(Party.CONFERENCE, leg.id(), verb, now())));
            }
        });
    }

    // ---- the end of the call ----

    /** Sends the disconnect and whatever asynchronous events are still owed, possibly out of order. */
    private CompletionStage<CallOutcome> finish(CallOutcome outcome) {
        Leg leg = callerLeg;
        observer.activity(CallActivity.ended(Party.CALLER, leg.id(), outcome, now()));
        Instant ended = now();
        List<Owed> trailing = new ArrayList<>();
        trailing.add(new Owed(
                leg,
                setup.statusUrl(),
                at -> new CallDisconnected(
                        leg.details(at).build(),
                        new CallEnding(ended, outcome.disconnectCause(), outcome.errorMessage(), null))));
        trailing.addAll(owed);
        List<Sendable> events = new ArrayList<>();
        for (Owed each : trailing) {
            events.add(new Sendable(each.leg(), each.url(), each.event().apply(now())));
            advance(ASYNC_PROCESSING);
        }
        if (events.size() > 1 && random.nextDouble() < player.script().faults().reorderAsync()) {
            Collections.shuffle(events, new Random(random.nextLong()));
            observer.fault("reorder-async");
        }
        CompletionStage<Void> sent = CompletableFuture.completedFuture(null);
        for (Sendable event : events) {
            sent = sent.thenCompose(
                    ignored -> send(event.leg(), event.url(), event.event()).thenApply(d -> null));
        }
        return sent.thenApply(ignored -> {
            observer.callEnded(setup.profile(), outcome, cut);
            return outcome;
        });
    }

    private record Sendable(Leg leg, URI url, VoiceEvent event) {}

    // ---- delivery, with the platform's faults ----

    /**
     * Delivers one event as the platform would: maybe late, maybe twice, a connection error retried once; then
     * checks the reply and tells the observer.
     */
    private CompletionStage<Delivery> send(Leg leg, URI url, VoiceEvent event) {
        eventsSent++;
        if (!player.follows(url)) {
            Violation offsite = new Violation(
                    leg.id(),
                    event.eventType(),
                    url.toString(),
                    ReplyChecks.CALLBACK_URL,
                    "not followed: the simulator only sends to the service under test");
            observer.violation(offsite);
            return CompletableFuture.completedFuture(Delivery.failed(offsite.detail(), false, Duration.ZERO));
        }
        Faults faults = player.script().faults();
        // Drawn up front and always, so a call's faults depend on the seed alone, not on what replies came.
        boolean slow = random.nextDouble() < faults.slow();
        boolean lostReply = random.nextDouble() < faults.lostReply();
        boolean duplicate = random.nextDouble() < faults.duplicate();
        CompletionStage<Void> start = CompletableFuture.completedFuture(null);
        if (slow) {
            observer.fault("slow");
            start = player.after(faults.slowBy().toMillis());
        }
        List<Violation> mismatches = new ArrayList<>(0);
        return start.thenCompose(ignored -> attempt(url, event))
                .thenCompose(first -> {
                    if (!first.answered() || !(lostReply || duplicate)) {
                        return CompletableFuture.completedFuture(first);
                    }
                    observer.fault(lostReply ? "lost-reply" : "duplicate");
                    return attempt(url, event).thenApply(second -> {
                        // The body of an event Bandwidth ignores may differ: only the status counts there.
                        boolean bodyCounts = event.replyExpectation().allowsBxml();
                        if (second.answered()
                                && (second.status() != first.status()
                                        || bodyCounts && !Objects.equals(second.bxml(), first.bxml()))) {
                            mismatches.add(new Violation(
                                    leg.id(),
                                    event.eventType(),
                                    url.toString(),
                                    ReplyChecks.REDELIVERY_MISMATCH,
                                    "first answered " + summary(first) + ", the redelivery " + summary(second)));
                        }
                        // A lost reply never reached Bandwidth: the retry's is the one it runs.
                        return lostReply ? second : first;
                    });
                })
                .thenApply(delivery -> {
                    List<Violation> violations = new ArrayList<>(player.checks().check(leg.id(), url, event, delivery));
                    violations.addAll(mismatches);
                    observer.delivered(leg.id(), url, event, delivery, violations);
                    return delivery;
                });
    }

    /** One delivery; a connection error is retried once, as Bandwidth does. */
    private CompletionStage<Delivery> attempt(URI url, VoiceEvent event) {
        return player.transport().deliver(url, event).thenCompose(delivery -> {
            if (delivery.answered() || !delivery.retryable()) {
                return CompletableFuture.completedFuture(delivery);
            }
            observer.fault("retry");
            return player.transport().deliver(url, event);
        });
    }

    private static String summary(Delivery delivery) {
        return "HTTP " + delivery.status() + (delivery.bxml() == null ? " without BXML" : " with " + delivery.bxml());
    }

    // ---- helpers ----

    /** The URL of {@code callback} resolved against the document's URL; {@code null} when the BXML left it out. */
    private URI resolve(Document document, Callback callback, String attribute) {
        return resolve(document, callback == null ? null : callback.url(), attribute);
    }

    private URI resolve(Document document, PlainCallback callback, String attribute) {
        return resolve(document, callback == null ? null : callback.url(), attribute);
    }

    private URI resolve(Document document, String url, String attribute) {
        if (url == null) {
            return player.transport().absentCallbacksComeHome() ? document.base() : null;
        }
        try {
            URI resolved = document.base().resolve(url);
            if (!resolved.isAbsolute() || resolved.getHost() == null) {
                throw new UnusableUrl(attribute + "=\"" + url + "\" does not resolve to a URL with a host");
            }
            return resolved;
        } catch (IllegalArgumentException notAUrl) {
            throw new UnusableUrl(attribute + "=\"" + url + "\" is not a URL: " + notAUrl.getMessage());
        }
    }

    private void ran(Leg leg, Verb verb) {
        observer.activity(CallActivity.ran(leg.party, leg.id(), verb, now()));
    }

    private Instant now() {
        return clock;
    }

    private void advance(Duration duration) {
        if (duration != null) {
            clock = clock.plus(duration);
        }
    }

    private CallId nextCallId() {
        String leg = legs++ == 0 ? "" : "-" + legs;
        return CallId.of("c-" + player.runTag() + "-" + Integer.toHexString(setup.index()) + leg);
    }

    private static CompletionStage<CallOutcome> done(CallOutcome outcome) {
        return CompletableFuture.completedFuture(outcome);
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
