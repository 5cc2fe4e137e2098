package io.switchboard.domain.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import com.typesafe.config.ConfigFactory;
import io.switchboard.domain.call.CallEntity;
import io.switchboard.domain.call.CallEvents;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.DtmfReceived;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.call.MachineDetectionCompleted;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.control.CallControlFailure;
import io.switchboard.domain.control.IssuedRequest;
import io.switchboard.domain.control.RequestOutcome;
import io.switchboard.domain.control.ScriptedCallControl;
import io.switchboard.domain.control.UpdateCall;
import io.switchboard.domain.control.UpdateConferenceMember;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.flow.FlowServices;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A flow's call-control requests, as the in-memory entity carries them out: after the reply, off the actor's
 * thread, in the flow's order, kept on the timeline with their outcome, and never again for a redelivered event.
 */
class FlowRequestsTest {
    private static final ActorTestKit testKit =
            ActorTestKit.create(ConfigFactory.parseString(EntityTestSupport.TESTKIT_CONFIG));
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService flowExecutor =
            Executors.newFixedThreadPool(2, job -> new Thread(job, "flow-" + THREADS.incrementAndGet()));
    private static final ConferenceId ROOM = ConferenceId.of("conf-1");

    @AfterAll
    static void shutDown() {
        testKit.shutdownTestKit();
        flowExecutor.shutdownNow();
    }

    /** Redirects a machine to voicemail, mutes and unmutes on a key, and fails after requesting on a gather. */
    private static final class SteeringFlow implements CallFlow {
        @Override
        public void onMachineDetectionComplete(MachineDetectionCompleted event, CallState call, FlowContext context) {
            if (event.result().machine()) {
                context.call(call.callId()).redirect("https://ivr.example.com/voicemail");
            }
        }

        @Override
        public void onDtmf(DtmfReceived event, CallState call, FlowContext context) {
            context.conference(ROOM).mute(call.callId()).unmute(call.callId());
        }

        @Override
        public Reply onGather(GatherCompleted event, CallState call, FlowContext context) {
            context.call(call.callId()).hangUp();
            throw new IllegalStateException("the flow breaks after asking");
        }
    }

    private final ScriptedCallControl control = new ScriptedCallControl();
    private final CallEvents call = CallEvents.newCall();
    private final ActorRef<VoiceEntity.Command> entity = testKit.spawn(InMemoryVoiceEntity.create(
            CallEntity.rules(call.callId(), new SteeringFlow()),
            new EntityWiring(
                    flowExecutor, FlowServices.of(control), EntityTestSupport.settings(), self -> {}, self -> {})));
    private final TestProbe<EventReply> replies = testKit.createTestProbe();

    @Test
    void aRequestGoesOutAfterTheReplyOffTheActorsThreadAndKeepsItsOutcome() throws Exception {
        MachineDetectionCompleted machine = call.machineDetection("answering-machine");

        EventReply reply = EntityTestSupport.ask(entity, machine, replies);
        ScriptedCallControl.Sent sent = control.next();

        assertEquals(ReplyOrigin.FLOW, reply.origin());
        assertEquals(UpdateCall.redirect(call.callId(), "https://ivr.example.com/voicemail"), sent.request());
        assertTrue(sent.thread().startsWith("flow-"), "sent from " + sent.thread());
        IssuedRequest pending = onlyRequest();
        assertNull(pending.outcome(), "on its way until Bandwidth answers");

        sent.succeed();

        testKit.createTestProbe().awaitAssert(() -> {
            RequestOutcome outcome = onlyRequest().outcome();
            assertNotNull(outcome);
            assertEquals(RequestOutcome.Status.SUCCEEDED, outcome.status());
            return null;
        });
    }

    @Test
    void aRedeliveredEventGetsItsReplyAgainAndIssuesNothing() throws Exception {
        MachineDetectionCompleted machine = call.machineDetection("answering-machine");
        EntityTestSupport.ask(entity, machine, replies);
        control.next().succeed();

        EventReply again = EntityTestSupport.ask(entity, machine, replies);

        assertEquals(ReplyOrigin.REDELIVERY, again.origin());
        assertNull(control.nextWithin(300), "the redelivery repeats no request");
    }

    @Test
    void requestsGoOneAfterTheOtherInTheFlowsOrder() throws Exception {
        EntityTestSupport.ask(entity, call.dtmf("5"), replies);

        ScriptedCallControl.Sent mute = control.next();
        assertEquals(UpdateConferenceMember.mute(ROOM, call.callId(), true), mute.request());
        assertNull(control.nextWithin(300), "the unmute waits for the mute's outcome");
        mute.fail(CallControlFailure.withoutAnswer(
                CallControlFailure.Kind.OUTCOME_UNKNOWN, "updateConferenceMember", "no answer"));
        ScriptedCallControl.Sent unmute = control.next();
        assertEquals(UpdateConferenceMember.mute(ROOM, call.callId(), false), unmute.request());
        unmute.succeed();

        testKit.createTestProbe().awaitAssert(() -> {
            List<RequestOutcome.Status> outcomes = timelineRequests().stream()
                    .map(request ->
                            request.outcome() == null ? null : request.outcome().status())
                    .toList();
            assertEquals(List.of(RequestOutcome.Status.UNKNOWN, RequestOutcome.Status.SUCCEEDED), outcomes);
            return null;
        });
    }

    @Test
    void aFlowThatFailsHasItsRequestsDroppedWithItsReply() throws Exception {
        EventReply reply = EntityTestSupport.ask(entity, call.gather("1"), replies);

        assertEquals(ReplyOrigin.FLOW_FAILED, reply.origin());
        assertNull(control.nextWithin(300));
        assertTrue(timelineRequests().isEmpty());
    }

    @Test
    void aRequestMadeAfterTheReplyWasDecidedIsRefused() {
        FlowContext context = new FlowContext(control);
        context.call(call.callId()).hangUp();

        assertEquals(List.of(UpdateCall.hangUp(call.callId())), context.close());
        IllegalStateException refused = assertThrows(
                IllegalStateException.class, () -> context.call(call.callId()).hangUp());
        assertTrue(refused.getMessage().startsWith("updateCall requested after the event's reply was decided"));
    }

    @Test
    void aLaterReplyMayStillRequestUntilItCompletes() throws Exception {
        AtomicReference<FlowContext> seen = new AtomicReference<>();
        CompletableFuture<Response> lookup = new CompletableFuture<>();
        ActorRef<VoiceEntity.Command> later = testKit.spawn(InMemoryVoiceEntity.create(
                CallEntity.rules(call.callId(), new CallFlow() {
                    @Override
                    public Reply onAnswer(
                            io.switchboard.domain.call.CallAnswered event, CallState state, FlowContext context) {
                        seen.set(context);
                        return Reply.later(lookup.thenApply(found -> {
                            context.call(state.callId()).redirect("https://ivr.example.com/after-lookup");
                            return found;
                        }));
                    }
                }),
                new EntityWiring(
                        flowExecutor, FlowServices.of(control), EntityTestSupport.settings(), self -> {}, self -> {})));
        EntityTestSupport.send(later, call.answer(), replies);
        testKit.createTestProbe().awaitAssert(() -> {
            assertNotNull(seen.get());
            return null;
        });

        lookup.complete(Response.builder().speakSentence("Found you").build());

        assertEquals(ReplyOrigin.FLOW, replies.receiveMessage().origin());
        assertEquals(
                UpdateCall.redirect(call.callId(), "https://ivr.example.com/after-lookup"),
                control.next().request());
    }

    private IssuedRequest onlyRequest() {
        List<IssuedRequest> requests = timelineRequests();
        assertEquals(1, requests.size(), () -> "requests: " + requests);
        return requests.get(0);
    }

    private List<IssuedRequest> timelineRequests() {
        return EntityTestSupport.inspect(testKit, entity).timeline().stream()
                .flatMap(entry -> entry.requests().stream())
                .toList();
    }
}
