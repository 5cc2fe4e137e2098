package io.switchboard.domain.call;

import static io.switchboard.domain.entity.EntityTestSupport.FALLBACK;
import static io.switchboard.domain.entity.EntityTestSupport.FLOW_TIMEOUT;
import static io.switchboard.domain.entity.EntityTestSupport.IDLE_TIMEOUT;
import static io.switchboard.domain.entity.EntityTestSupport.RETENTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.LoggingTestKit;
import akka.actor.testkit.typed.javadsl.ManualTime;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import com.typesafe.config.ConfigFactory;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceCreated;
import io.switchboard.domain.conference.ConferenceDetails;
import io.switchboard.domain.entity.EntityInspection;
import io.switchboard.domain.entity.EntitySettings;
import io.switchboard.domain.entity.EntityTestSupport;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.FallbackPolicy;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.TimelineEntry;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.verb.Bridge;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.SpeakSentence;
import io.switchboard.domain.verb.Transfer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CallEntityTest {

    private static final ActorTestKit testKit = ActorTestKit.create(
            ManualTime.config().withFallback(ConfigFactory.parseString(EntityTestSupport.TESTKIT_CONFIG)));
    private static final ManualTime manualTime = ManualTime.get(testKit.system());
    private static final ExecutorService flowExecutor = Executors.newFixedThreadPool(2);

    /** Real-time wait for something that must not happen; the entity's timers run on manual time. */
    private static final Duration NOTHING_HAPPENS = Duration.ofMillis(300);

    private static final Duration ONE_MS = Duration.ofMillis(1);

    @AfterAll
    static void shutDown() {
        testKit.shutdownTestKit();
        flowExecutor.shutdownNow();
    }

    /** One call entity under test with everything the test watches. */
    private record Fixture(
            CallEvents call,
            ActorRef<VoiceEntity.Command> entity,
            ScriptedCallFlow flow,
            TestProbe<ScriptedCallFlow.Call> flowCalls,
            TestProbe<EventReply> replies,
            TestProbe<ActorRef<VoiceEntity.Command>> passivations,
            TestProbe<VoiceEvent> handled) {

        void send(VoiceEvent event) {
            EntityTestSupport.send(entity, event, replies);
        }

        EventReply ask(VoiceEvent event) {
            return EntityTestSupport.ask(entity, event, replies);
        }

        EntityInspection inspect() {
            return EntityTestSupport.inspect(testKit, entity);
        }

        /**
         * Returns once the entity has processed everything sent to it before (it must be waiting for events):
         * a misrouted event is answered at once and touches nothing, so its answer proves the messages
         * ahead of it, and the timers they started, are done.
         */
        void barrier() {
            TestProbe<EventReply> probe = testKit.createTestProbe();
            ConferenceCreated misrouted =
                    new ConferenceCreated(new ConferenceDetails(ConferenceId.of("barrier"), "barrier", null, null));
            entity.tell(new VoiceEntity.Handle(misrouted, probe.getRef()));
            assertEquals(ReplyOrigin.MISROUTED, probe.receiveMessage().origin());
        }
    }

    private static Fixture start(Function<ActorRef<ScriptedCallFlow.Call>, ScriptedCallFlow> flowMaker) {
        return start(flowMaker, EntityTestSupport.settings(), false);
    }

    private static Fixture start(
            Function<ActorRef<ScriptedCallFlow.Call>, ScriptedCallFlow> flowMaker,
            EntitySettings settings,
            boolean reportHandled) {
        CallEvents call = CallEvents.newCall();
        TestProbe<ScriptedCallFlow.Call> flowCalls = testKit.createTestProbe();
        TestProbe<EventReply> replies = testKit.createTestProbe();
        TestProbe<ActorRef<VoiceEntity.Command>> passivations = testKit.createTestProbe();
        TestProbe<VoiceEvent> handled = testKit.createTestProbe();
        ScriptedCallFlow flow = flowMaker.apply(flowCalls.getRef());
        Behavior<VoiceEntity.Command> entity =
                CallEntity.create(call.callId(), flow, flowExecutor, settings, passivations.getRef()::tell);
        if (reportHandled) {
            entity = EntityTestSupport.reportingHandled(entity, handled.getRef());
        }
        ActorRef<VoiceEntity.Command> ref = testKit.spawn(entity, call.callId().value());
        return new Fixture(call, ref, flow, flowCalls, replies, passivations, handled);
    }

    /** A sync flow answering every executed event with a response naming it. */
    private static Function<ActorRef<ScriptedCallFlow.Call>, ScriptedCallFlow> naming() {
        return calls -> ScriptedCallFlow.sync(calls, (event, state) -> responseNaming(event));
    }

    private static Function<ActorRef<ScriptedCallFlow.Call>, ScriptedCallFlow> answering(
            BiFunction<CallEvent, CallState, Reply> answer) {
        return calls -> ScriptedCallFlow.sync(calls, answer);
    }

    private static Function<ActorRef<ScriptedCallFlow.Call>, ScriptedCallFlow> async() {
        return ScriptedCallFlow::async;
    }

    private static Response responseNaming(CallEvent event) {
        String digits = event instanceof GatherCompleted gather ? " " + gather.digits() : "";
        return Response.builder().speakSentence(event.eventType() + digits).build();
    }

    private static Response speak(String text) {
        return Response.of(SpeakSentence.of(text));
    }

    // --- ordering -------------------------------------------------------------------------------------------

    @Test
    void eventsSentAtOnceAreHandledOneAtATimeInArrivalOrder() {
        Fixture f = start(naming());
        CallEvents call = f.call();
        List<CallEvent> events = new ArrayList<>(List.of(call.initiate(), call.answer()));
        for (int i = 1; i <= 12; i++) { // 16 events in all: at most 15 wait, within the stash capacity of 16
            events.add(call.gather(String.valueOf(i)));
        }
        events.add(call.redirect());
        events.add(call.disconnect(DisconnectCause.HANGUP));

        events.forEach(f::send);

        for (int i = 0; i < events.size(); i++) {
            ScriptedCallFlow.Call seen = f.flowCalls().receiveMessage();
            assertEquals(events.get(i), seen.event(), "flow call " + i);
            assertEquals(i + 1, seen.state().eventsApplied(), "the flow sees the state after exactly this event");
        }
        for (int i = 0; i < events.size(); i++) {
            CallEvent event = events.get(i);
            Response expected = event.replyExpectation().allowsBxml() ? responseNaming(event) : null;
            assertEquals(new EventReply(expected, ReplyOrigin.FLOW), f.replies().receiveMessage(), "reply " + i);
        }
        assertEquals(events.size(), f.flow().calls());
        assertEquals(1, f.flow().mostRunningAtOnce(), "flow methods of one call never overlap");
    }

    @Test
    void asyncFlowHoldsTheNextEventUntilItsReplyIsComplete() {
        Fixture f = start(async());
        CallEvents call = f.call();
        CallInitiated first = call.initiate();
        GatherCompleted second = call.gather("7");
        CallRedirected third = call.redirect();
        f.send(first);
        f.send(second);
        f.send(third);

        ScriptedCallFlow.Call firstCall = f.flowCalls().receiveMessage();
        assertEquals(first, firstCall.event());
        f.flowCalls().expectNoMessage(NOTHING_HAPPENS);
        f.replies().expectNoMessage(Duration.ZERO);

        firstCall.pending().complete(speak("one"));
        assertEquals(new EventReply(speak("one"), ReplyOrigin.FLOW), f.replies().receiveMessage());

        ScriptedCallFlow.Call secondCall = f.flowCalls().receiveMessage();
        assertEquals(second, secondCall.event());
        assertEquals(List.of("7"), secondCall.state().gatheredDigits());
        f.flowCalls().expectNoMessage(NOTHING_HAPPENS);

        secondCall.pending().complete(speak("two"));
        assertEquals(new EventReply(speak("two"), ReplyOrigin.FLOW), f.replies().receiveMessage());

        ScriptedCallFlow.Call thirdCall = f.flowCalls().receiveMessage();
        assertEquals(third, thirdCall.event());
        thirdCall.pending().complete(speak("three"));
        assertEquals(
                new EventReply(speak("three"), ReplyOrigin.FLOW), f.replies().receiveMessage());
        assertEquals(3, f.flow().calls());
    }

    // --- redelivery -----------------------------------------------------------------------------------------

    @Test
    void redeliveredEventGetsTheSameReplyWithoutRunningTheFlowAgain() {
        Fixture f = start(naming());
        CallEvents call = f.call();
        f.ask(call.initiate());
        GatherCompleted gather = call.gather("42");
        GatherCompleted redelivered = new GatherCompleted(gather.call(), "42", gather.terminatingDigit());
        assertNotSame(gather, redelivered);

        EventReply first = f.ask(gather);
        EventReply second = f.ask(redelivered);

        assertEquals(new EventReply(responseNaming(gather), ReplyOrigin.FLOW), first);
        assertEquals(new EventReply(first.response(), ReplyOrigin.REDELIVERY), second);
        assertEquals(2, f.flow().calls(), "initiate and the gather, the redelivery not again");

        // The redelivery was not applied to the state either.
        f.ask(call.gather("43"));
        f.flowCalls().receiveMessage();
        f.flowCalls().receiveMessage();
        assertEquals(List.of("42", "43"), f.flowCalls().receiveMessage().state().gatheredDigits());
    }

    @Test
    void redeliveryArrivingWhileTheOriginalIsWorkedOnGetsItsReply() {
        Fixture f = start(async());
        GatherCompleted gather = f.call().gather("1");
        f.send(gather);
        f.send(new GatherCompleted(gather.call(), gather.digits(), gather.terminatingDigit()));

        ScriptedCallFlow.Call working = f.flowCalls().receiveMessage();
        working.pending().complete(speak("once"));

        assertEquals(
                new EventReply(speak("once"), ReplyOrigin.FLOW), f.replies().receiveMessage());
        assertEquals(
                new EventReply(speak("once"), ReplyOrigin.REDELIVERY),
                f.replies().receiveMessage());
        f.flowCalls().expectNoMessage(NOTHING_HAPPENS);
        assertEquals(1, f.flow().calls());
    }

    @Test
    void copySentAgainWhileTheOriginalIsWorkedOnIsAnsweredButJoinsNoTimeline() {
        Fixture f = start(async());
        GatherCompleted gather = f.call().gather("1");
        VoiceEntity.Handle original = new VoiceEntity.Handle(gather, f.replies().getRef());
        f.entity().tell(original);
        f.entity().tell(original.asCopy());

        f.flowCalls().receiveMessage().pending().complete(speak("once"));

        assertEquals(
                new EventReply(speak("once"), ReplyOrigin.FLOW), f.replies().receiveMessage());
        assertEquals(
                new EventReply(speak("once"), ReplyOrigin.REDELIVERY),
                f.replies().receiveMessage());
        assertEquals(
                List.of(ReplyOrigin.FLOW),
                f.inspect().timeline().stream()
                        .map(entry -> entry.reply().origin())
                        .toList(),
                "Bandwidth sent the event once");
        assertEquals(1, f.flow().calls());
    }

    @Test
    void copyOfAnEventTheEntityNeverGotRunsTheFlow() {
        Fixture f = start(naming());
        GatherCompleted gather = f.call().gather("1");
        f.entity().tell(new VoiceEntity.Handle(gather, f.replies().getRef()).asCopy());

        assertEquals(
                new EventReply(responseNaming(gather), ReplyOrigin.FLOW),
                f.replies().receiveMessage());
        assertEquals(1, f.inspect().timeline().size());
    }

    @Test
    void redeliveredIgnoredEventIsAnsweredEmptyWithoutRunningTheFlowAgain() {
        Fixture f = start(naming());
        CallDisconnected disconnect = f.call().disconnect(DisconnectCause.HANGUP);
        assertEquals(new EventReply(null, ReplyOrigin.FLOW), f.ask(disconnect));
        assertEquals(
                new EventReply(null, ReplyOrigin.REDELIVERY),
                f.ask(new CallDisconnected(disconnect.call(), disconnect.ending())));
        assertEquals(1, f.flow().calls());
    }

    // --- late events ----------------------------------------------------------------------------------------

    @Test
    void lateRecordingAndTranscriptionAfterDisconnectAreAppliedAndAnswered() {
        Fixture f = start(answering((event, state) -> Reply.none()));
        CallEvents call = f.call();
        assertEquals(new EventReply(Response.empty(), ReplyOrigin.FLOW), f.ask(call.initiate()));
        f.ask(call.answer());
        assertEquals(new EventReply(null, ReplyOrigin.FLOW), f.ask(call.disconnect(DisconnectCause.HANGUP)));

        Recording recording =
                new Recording("r-late", "https://media.example/r-late", null, null, null, null, null, null);
        EventReply recordReply = f.ask(call.recordComplete(recording));
        assertEquals(new EventReply(Response.empty(), ReplyOrigin.FLOW), recordReply);

        Transcription transcription = CallEvents.transcriptionOf("r-late");
        EventReply transcriptionReply = f.ask(call.transcription(CallEvents.fullRecording("r-late"), transcription));
        assertEquals(new EventReply(null, ReplyOrigin.FLOW), transcriptionReply);

        List<ScriptedCallFlow.Call> calls = f.flowCalls().receiveSeveralMessages(5);
        CallState atRecording = calls.get(3).state();
        assertTrue(atRecording.hasEnded());
        assertEquals(List.of(recording), atRecording.recordings());
        CallState atTranscription = calls.get(4).state();
        assertTrue(atTranscription.hasEnded());
        assertEquals(List.of(transcription), atTranscription.transcriptions());
        assertEquals(
                List.of(CallEvents.fullRecording("r-late")),
                atTranscription.recordings(),
                "the fuller description of the same recording is merged in");
    }

    // --- retention and passivation ----------------------------------------------------------------------

    @Test
    void endedCallStaysForItsRetentionThenAsksOnceToBePassivated() {
        Fixture f = start(naming());
        CallEvents call = f.call();
        f.ask(call.initiate());
        f.ask(call.disconnect(DisconnectCause.HANGUP)); // the retention timer starts before the reply is sent

        manualTime.expectNoMessageFor(RETENTION.minus(ONE_MS), f.passivations());
        // A late event within the retention is answered and does not extend it.
        assertEquals(
                new EventReply(null, ReplyOrigin.FLOW),
                f.ask(call.transcription(null, CallEvents.transcriptionOf("r-1"))));

        manualTime.timePasses(ONE_MS);
        assertEquals(f.entity(), f.passivations().receiveMessage());

        manualTime.expectNoMessageFor(IDLE_TIMEOUT.plus(RETENTION), f.passivations());
    }

    @Test
    void entityWithoutEventsAsksToBePassivatedAfterItsIdleTimeout() {
        Fixture f = start(naming());
        f.barrier(); // started: its idle timer runs

        manualTime.expectNoMessageFor(IDLE_TIMEOUT.minus(ONE_MS), f.passivations());
        manualTime.timePasses(ONE_MS);
        assertEquals(f.entity(), f.passivations().receiveMessage());

        manualTime.expectNoMessageFor(IDLE_TIMEOUT.multipliedBy(2), f.passivations());
        assertEquals(0, f.flow().calls());
    }

    @Test
    void eventBeforeTheIdleTimeoutRestartsIt() {
        Fixture f = start(naming());
        f.barrier();
        Duration early = IDLE_TIMEOUT.minusSeconds(10);
        manualTime.timePasses(early);

        f.ask(f.call().initiate());
        f.barrier(); // the idle timer was restarted after the reply

        manualTime.expectNoMessageFor(Duration.ofSeconds(10), f.passivations()); // the first deadline passes
        manualTime.expectNoMessageFor(early.minus(ONE_MS), f.passivations());
        manualTime.timePasses(ONE_MS);
        assertEquals(f.entity(), f.passivations().receiveMessage());
    }

    @Test
    void idleTimeoutThatFiresWhileTheFlowWorksDoesNotPassivateTheEntityItJustServed() {
        Fixture f = start(async());
        f.barrier();
        manualTime.timePasses(IDLE_TIMEOUT.minus(ONE_MS));

        f.send(f.call().initiate());
        ScriptedCallFlow.Call working = f.flowCalls().receiveMessage();
        manualTime.timePasses(ONE_MS); // the idle deadline passes while the entity waits for its flow
        working.pending().complete(speak("welcome"));
        assertEquals(
                new EventReply(speak("welcome"), ReplyOrigin.FLOW), f.replies().receiveMessage());
        f.barrier();

        manualTime.expectNoMessageFor(IDLE_TIMEOUT.minus(ONE_MS), f.passivations());
        manualTime.timePasses(ONE_MS);
        assertEquals(f.entity(), f.passivations().receiveMessage());
    }

    // --- failures and fallbacks -----------------------------------------------------------------------------

    @Test
    void flowThatThrowsGetsTheFallbackAndTheEntityKeepsWorking() {
        Fixture f = start(answering((event, state) -> {
            if (event instanceof GatherCompleted gather && gather.digits().equals("9")) {
                throw new IllegalStateException("flow bug (expected by the test)");
            }
            return responseNaming(event);
        }));
        CallEvents call = f.call();
        f.ask(call.initiate());

        assertEquals(new EventReply(FALLBACK, ReplyOrigin.FLOW_FAILED), f.ask(call.gather("9")));

        GatherCompleted next = call.gather("1");
        assertEquals(new EventReply(responseNaming(next), ReplyOrigin.FLOW), f.ask(next));
        List<ScriptedCallFlow.Call> calls = f.flowCalls().receiveSeveralMessages(3);
        assertEquals(List.of("9", "1"), calls.get(2).state().gatheredDigits(), "the failed event was still applied");
    }

    @Test
    void failedFutureGetsTheFallback() {
        Fixture f = start(async());
        f.send(f.call().initiate());
        f.flowCalls()
                .receiveMessage()
                .pending()
                .completeExceptionally(new IllegalStateException("CRM down (expected)"));
        assertEquals(
                new EventReply(FALLBACK, ReplyOrigin.FLOW_FAILED), f.replies().receiveMessage());

        GatherCompleted next = f.call().gather("3");
        f.send(next);
        ScriptedCallFlow.Call nextCall = f.flowCalls().receiveMessage();
        assertEquals(next, nextCall.event());
        nextCall.pending().complete(speak("ok"));
        assertEquals(new EventReply(speak("ok"), ReplyOrigin.FLOW), f.replies().receiveMessage());
    }

    @Test
    void logLinesAboutTheCallCarryItsIdInTheMdc() {
        Fixture f = start(async());
        String callId = f.call().initiate().callId().value();

        EventReply reply = LoggingTestKit.error("flow failed on initiate")
                .withMdc(Map.of("callId", callId))
                .expect(testKit.system(), () -> {
                    f.send(f.call().initiate());
                    f.flowCalls()
                            .receiveMessage()
                            .pending()
                            .completeExceptionally(new IllegalStateException("CRM down (expected)"));
                    return f.replies().receiveMessage();
                });

        assertEquals(ReplyOrigin.FLOW_FAILED, reply.origin());
    }

    @Test
    void ignoredEventWhoseFlowThrowsGetsAnEmptyFallback() {
        Fixture f = start(answering((event, state) -> {
            throw new IllegalStateException("flow bug (expected by the test)");
        }));
        assertEquals(
                new EventReply(null, ReplyOrigin.FLOW_FAILED), f.ask(f.call().disconnect(DisconnectCause.HANGUP)));
    }

    @Test
    void slowFlowGetsTheFallbackAtItsTimeoutAndItsLateAnswerIsIgnored() {
        Fixture f = start(async(), EntityTestSupport.settings(), true);
        CallEvents call = f.call();
        GatherCompleted slow = call.gather("1");
        f.send(slow);
        ScriptedCallFlow.Call slowCall = f.flowCalls().receiveMessage();
        assertEquals(slow, f.handled().receiveMessage()); // its flow timer is running

        manualTime.expectNoMessageFor(FLOW_TIMEOUT.minus(ONE_MS), f.replies());
        manualTime.timePasses(ONE_MS);
        assertEquals(
                new EventReply(FALLBACK, ReplyOrigin.FLOW_TIMED_OUT),
                f.replies().receiveMessage());

        // The next event is handled; the slow flow's answer, arriving meanwhile, is not taken for its reply.
        GatherCompleted next = call.gather("2");
        f.send(next);
        ScriptedCallFlow.Call nextCall = f.flowCalls().receiveMessage();
        assertEquals(next, nextCall.event());
        assertEquals(List.of("1", "2"), nextCall.state().gatheredDigits());
        slowCall.pending().complete(speak("too late"));
        f.replies().expectNoMessage(NOTHING_HAPPENS);

        nextCall.pending().complete(speak("in time"));
        assertEquals(
                new EventReply(speak("in time"), ReplyOrigin.FLOW), f.replies().receiveMessage());
        f.replies().expectNoMessage(NOTHING_HAPPENS);
    }

    @Test
    void eventsBeyondTheStashCapacityAreShedAsOverloaded() {
        Fixture f = start(async(), EntityTestSupport.settings(2), false);
        CallEvents call = f.call();
        CallInitiated first = call.initiate();
        GatherCompleted second = call.gather("1");
        GatherCompleted third = call.gather("2");
        GatherCompleted fourth = call.gather("3");
        List.of(first, second, third, fourth).forEach(f::send);

        ScriptedCallFlow.Call working = f.flowCalls().receiveMessage();
        assertEquals(first, working.event());
        // The first is worked on, two wait: the fourth is answered at once with the fallback.
        assertEquals(
                new EventReply(FALLBACK, ReplyOrigin.OVERLOADED), f.replies().receiveMessage());
        f.replies().expectNoMessage(NOTHING_HAPPENS);

        working.pending().complete(speak("first"));
        assertEquals(
                new EventReply(speak("first"), ReplyOrigin.FLOW), f.replies().receiveMessage());
        for (GatherCompleted waiting : List.of(second, third)) {
            ScriptedCallFlow.Call call2 = f.flowCalls().receiveMessage();
            assertEquals(waiting, call2.event());
            call2.pending().complete(speak(waiting.digits()));
            assertEquals(
                    new EventReply(speak(waiting.digits()), ReplyOrigin.FLOW),
                    f.replies().receiveMessage());
        }
        f.flowCalls().expectNoMessage(NOTHING_HAPPENS);

        // The shed event was neither applied nor remembered: sent again, it is handled.
        f.send(fourth);
        ScriptedCallFlow.Call retried = f.flowCalls().receiveMessage();
        assertEquals(List.of("1", "2", "3"), retried.state().gatheredDigits());
        retried.pending().complete(speak("3"));
        assertEquals(new EventReply(speak("3"), ReplyOrigin.FLOW), f.replies().receiveMessage());
    }

    @Test
    void conferenceEventSentToACallEntityIsMisrouted() {
        Fixture f = start(naming());
        ConferenceCreated conference =
                new ConferenceCreated(new ConferenceDetails(ConferenceId.of("conf-misrouted"), "room", null, null));
        assertEquals(new EventReply(null, ReplyOrigin.MISROUTED), f.ask(conference));
        f.flowCalls().expectNoMessage(NOTHING_HAPPENS);

        CallInitiated initiate = f.call().initiate();
        assertEquals(new EventReply(responseNaming(initiate), ReplyOrigin.FLOW), f.ask(initiate));
        assertEquals(1, f.flowCalls().receiveMessage().state().eventsApplied());
    }

    @Test
    void eventOfAnotherCallIsMisroutedAndTheEntityKeepsWorking() {
        Fixture f = start(naming());
        CallEvents other = CallEvents.newCall();
        assertEquals(new EventReply(FALLBACK, ReplyOrigin.MISROUTED), f.ask(other.initiate()));
        f.flowCalls().expectNoMessage(NOTHING_HAPPENS);

        CallInitiated initiate = f.call().initiate();
        assertEquals(new EventReply(responseNaming(initiate), ReplyOrigin.FLOW), f.ask(initiate));
    }

    // --- context rules --------------------------------------------------------------------------------------

    @Test
    void replyBreakingARuleForItsEventGetsTheFallbackInstead() {
        Fixture f = start(answering((event, state) -> event instanceof TransferAnswered
                ? Response.of(Transfer.builder().phoneNumber("+15555550100").build())
                : Response.builder()
                        .redirect(r -> r.redirectUrl("/voice/redirect"))
                        .hangup()
                        .build()));
        CallEvents call = f.call();

        assertEquals(
                new EventReply(FALLBACK, ReplyOrigin.INVALID_BXML), f.ask(call.initiate()), "a verb after a Redirect");
        assertEquals(
                new EventReply(FALLBACK, ReplyOrigin.INVALID_BXML),
                f.ask(call.transferAnswer()),
                "a Transfer answering a transferAnswer");
    }

    @Test
    void transferAnswerTakesTheVerbsItAllows() {
        Response whisper = Response.builder()
                .speakSentence("A customer is on the line")
                .pause(p -> p.duration(0.5))
                .build();
        Fixture f = start(answering((event, state) -> whisper));

        assertEquals(new EventReply(whisper, ReplyOrigin.FLOW), f.ask(f.call().transferAnswer()));
    }

    @Test
    void fallbackBreakingTheSameRuleGivesWayToAnEmptyResponse() {
        Response transferFallback =
                Response.of(Transfer.builder().phoneNumber("+15555550199").build());
        EntitySettings settings =
                new EntitySettings(FLOW_TIMEOUT, IDLE_TIMEOUT, RETENTION, 16, 32, new FallbackPolicy(transferFallback));
        Fixture f = start(answering((event, state) -> Response.of(Bridge.of("c-other"))), settings, false);

        assertEquals(
                new EventReply(Response.empty(), ReplyOrigin.INVALID_BXML),
                f.ask(f.call().transferAnswer()));
        assertEquals(
                new EventReply(Response.of(Bridge.of("c-other")), ReplyOrigin.FLOW),
                f.ask(f.call().answer()),
                "the same reply is fine on a call event");
    }

    // --- replies --------------------------------------------------------------------------------------------

    @Test
    void executedEventAnsweredWithNoneGetsAnEmptyResponseAndIgnoredEventNone() {
        Fixture f = start(answering((event, state) -> Reply.none()));
        assertEquals(
                new EventReply(Response.empty(), ReplyOrigin.FLOW),
                f.ask(f.call().initiate()));
        assertEquals(
                new EventReply(Response.empty(), ReplyOrigin.FLOW),
                f.ask(f.call().gather("1")));
        assertEquals(new EventReply(null, ReplyOrigin.FLOW), f.ask(f.call().disconnect(DisconnectCause.HANGUP)));
    }

    @Test
    void laterAnswerWithoutResponseGetsAnEmptyResponse() {
        Fixture f = start(async());
        f.send(f.call().answer());
        f.flowCalls().receiveMessage().pending().complete(null);
        assertEquals(
                new EventReply(Response.empty(), ReplyOrigin.FLOW), f.replies().receiveMessage());
    }

    @Test
    void flowResponseIsSentAsGiven() {
        Response menu = Response.builder()
                .gather(gather -> gather.gatherUrl("/voice/gather").maxDigits(1).speakSentence("Press 1 for sales."))
                .redirect(r -> r.redirectUrl("/voice/redirect"))
                .build();
        Fixture f = start(answering((event, state) -> menu));
        assertEquals(new EventReply(menu, ReplyOrigin.FLOW), f.ask(f.call().initiate()));
    }

    // --- stopping -------------------------------------------------------------------------------------------

    @Test
    void stopMessageStopsTheEntity() {
        Fixture f = start(naming());
        f.ask(f.call().initiate());
        f.entity().tell(VoiceEntity.Stop.INSTANCE);
        f.replies().expectTerminated(f.entity());
    }

    @Test
    void stopWhileTheFlowWorksAnswersTheEventsThatCameFirstThenStops() {
        Fixture f = start(async());
        CallInitiated first = f.call().initiate();
        GatherCompleted second = f.call().gather("1");
        f.send(first);
        ScriptedCallFlow.Call working = f.flowCalls().receiveMessage();
        f.send(second);
        // The shard hands the call over to another node: it stops the entity and holds newer events itself.
        f.entity().tell(VoiceEntity.Stop.INSTANCE);
        f.entity().tell(VoiceEntity.Stop.INSTANCE);

        working.pending().complete(speak("first"));
        assertEquals(
                new EventReply(speak("first"), ReplyOrigin.FLOW), f.replies().receiveMessage());
        ScriptedCallFlow.Call next = f.flowCalls().receiveMessage();
        assertEquals(second, next.event());
        next.pending().complete(speak("second"));
        assertEquals(
                new EventReply(speak("second"), ReplyOrigin.FLOW), f.replies().receiveMessage());
        f.replies().expectTerminated(f.entity());
        assertEquals(2, f.flow().calls());
    }

    @Test
    void stopFindsItsPlaceBehindAFullStash() {
        Fixture f = start(async(), EntityTestSupport.settings(2), false);
        List<GatherCompleted> events =
                List.of(f.call().gather("1"), f.call().gather("2"), f.call().gather("3"));
        events.forEach(f::send); // one worked on, two wait: the stash is full
        f.entity().tell(VoiceEntity.Stop.INSTANCE);

        for (GatherCompleted event : events) {
            ScriptedCallFlow.Call call = f.flowCalls().receiveMessage();
            assertEquals(event, call.event());
            call.pending().complete(speak(event.digits()));
            assertEquals(
                    new EventReply(speak(event.digits()), ReplyOrigin.FLOW),
                    f.replies().receiveMessage());
        }
        f.replies().expectTerminated(f.entity());
    }

    // --- inspection -----------------------------------------------------------------------------------------

    @Test
    void inspectionShowsTheStateAndEveryAnsweredEventWithItsReplyOldestFirst() {
        Fixture f = start(naming());
        CallEvents call = f.call();
        CallInitiated initiate = call.initiate();
        GatherCompleted gather = call.gather("5");
        Instant before = Instant.now();
        f.ask(initiate);
        f.ask(gather);
        f.ask(new GatherCompleted(gather.call(), gather.digits(), gather.terminatingDigit()));

        EntityInspection inspection = f.inspect();

        CallState state = assertInstanceOf(CallState.class, inspection.state());
        assertEquals(List.of("5"), state.gatheredDigits());
        assertEquals(2, state.eventsApplied());
        List<TimelineEntry> timeline = inspection.timeline();
        assertEquals(
                List.of(initiate, gather, gather),
                timeline.stream().map(TimelineEntry::event).toList());
        assertEquals(
                List.of(ReplyOrigin.FLOW, ReplyOrigin.FLOW, ReplyOrigin.REDELIVERY),
                timeline.stream().map(entry -> entry.reply().origin()).toList());
        assertEquals(responseNaming(gather), timeline.get(1).reply().response());
        assertFalse(timeline.get(0).receivedAt().isBefore(before));
        assertFalse(timeline.get(2).receivedAt().isBefore(timeline.get(0).receivedAt()), "oldest first");
        assertTrue(inspection.hasHistory());
        f.passivations().expectNoMessage(NOTHING_HAPPENS);
    }

    @Test
    void timelineKeepsTheRememberedNumberOfEventsTheLatestOnes() {
        EntitySettings rememberingTwo =
                new EntitySettings(FLOW_TIMEOUT, IDLE_TIMEOUT, RETENTION, 16, 2, new FallbackPolicy(FALLBACK));
        Fixture f = start(naming(), rememberingTwo, false);
        List<GatherCompleted> gathers =
                List.of(f.call().gather("1"), f.call().gather("2"), f.call().gather("3"));
        gathers.forEach(f::ask);

        assertEquals(
                gathers.subList(1, 3),
                f.inspect().timeline().stream().map(TimelineEntry::event).toList());
    }

    @Test
    void inspectionWhileTheFlowWorksIsAnsweredAtOnceWithTheEventPending() {
        Fixture f = start(async());
        CallInitiated initiate = f.call().initiate();
        f.send(initiate);
        ScriptedCallFlow.Call working = f.flowCalls().receiveMessage();

        EntityInspection inspection = f.inspect();
        assertEquals(1, ((CallState) inspection.state()).eventsApplied());
        TimelineEntry pending = inspection.timeline().get(0);
        assertEquals(initiate, pending.event());
        assertFalse(pending.answered());

        working.pending().complete(speak("welcome"));
        assertEquals(
                new EventReply(speak("welcome"), ReplyOrigin.FLOW), f.replies().receiveMessage());
        assertTrue(f.inspect().timeline().get(0).answered());
        f.passivations().expectNoMessage(NOTHING_HAPPENS);
    }

    @Test
    void inspectingAnEntityThatNeverHadAnEventFindsNoHistoryAndPassivatesIt() {
        Fixture f = start(naming());
        EntityInspection inspection = f.inspect();
        assertFalse(inspection.hasHistory());
        assertEquals(CallState.initial(f.call().callId()), inspection.state());
        assertEquals(f.entity(), f.passivations().receiveMessage());
    }

    @Test
    void inspectionDoesNotKeepAnIdleCallAlive() {
        Fixture f = start(naming());
        f.ask(f.call().initiate());
        f.barrier();
        manualTime.timePasses(IDLE_TIMEOUT.minus(ONE_MS));
        f.inspect();
        manualTime.timePasses(ONE_MS);
        assertEquals(f.entity(), f.passivations().receiveMessage());
    }

    @Test
    void passivationRequestNamesTheEntityAndTheEntityStopsOnStop() {
        Fixture f = start(naming());
        f.ask(f.call().initiate());
        f.ask(f.call().disconnect(DisconnectCause.HANGUP));
        manualTime.timePasses(RETENTION);
        ActorRef<VoiceEntity.Command> passivate = f.passivations().receiveMessage();
        assertEquals(f.entity(), passivate);
        passivate.tell(VoiceEntity.Stop.INSTANCE);
        f.passivations().expectTerminated(f.entity());
    }
}
