package io.switchboard.domain.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import com.typesafe.config.ConfigFactory;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.entity.EntityTestSupport;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Each call event reaches its own {@link CallFlow} method through the entity, and is answered as Bandwidth expects. */
class CallFlowDispatchTest {
    private static final ActorTestKit testKit =
            ActorTestKit.create(ConfigFactory.parseString(EntityTestSupport.TESTKIT_CONFIG));
    private static final ExecutorService flowExecutor = Executors.newFixedThreadPool(2);

    @AfterAll
    static void shutDown() {
        testKit.shutdownTestKit();
        flowExecutor.shutdownNow();
    }

    /** One run of a flow method: which method, for which event, seeing which state. */
    record Ran(String method, CallEvent event, CallState state) {}

    /** Reports every method that runs; executed events are answered with a response naming the method. */
    private static final class RecordingFlow implements CallFlow {
        private final ActorRef<Ran> ran;

        RecordingFlow(ActorRef<Ran> ran) {
            this.ran = ran;
        }

        private Reply answer(String method, CallEvent event, CallState state) {
            ran.tell(new Ran(method, event, state));
            return named(method);
        }

        private void told(String method, CallEvent event, CallState state) {
            ran.tell(new Ran(method, event, state));
        }

        @Override
        public Reply onInitiate(CallInitiated event, CallState call) {
            return answer("onInitiate", event, call);
        }

        @Override
        public Reply onAnswer(CallAnswered event, CallState call) {
            return answer("onAnswer", event, call);
        }

        @Override
        public Reply onGather(GatherCompleted event, CallState call) {
            return answer("onGather", event, call);
        }

        @Override
        public Reply onRedirect(CallRedirected event, CallState call) {
            return answer("onRedirect", event, call);
        }

        @Override
        public Reply onRecordingComplete(RecordingCompleted event, CallState call) {
            return answer("onRecordingComplete", event, call);
        }

        @Override
        public Reply onTransferAnswer(TransferAnswered event, CallState call) {
            return answer("onTransferAnswer", event, call);
        }

        @Override
        public Reply onTransferComplete(TransferCompleted event, CallState call) {
            return answer("onTransferComplete", event, call);
        }

        @Override
        public Reply onBridgeComplete(BridgeCompleted event, CallState call) {
            return answer("onBridgeComplete", event, call);
        }

        @Override
        public Reply onBridgeTargetComplete(BridgeTargetCompleted event, CallState call) {
            return answer("onBridgeTargetComplete", event, call);
        }

        @Override
        public Reply onReferComplete(ReferCompleted event, CallState call) {
            return answer("onReferComplete", event, call);
        }

        @Override
        public void onDisconnect(CallDisconnected event, CallState call) {
            told("onDisconnect", event, call);
        }

        @Override
        public void onTransferDisconnect(TransferDisconnected event, CallState call) {
            told("onTransferDisconnect", event, call);
        }

        @Override
        public void onTranscriptionAvailable(TranscriptionAvailable event, CallState call) {
            told("onTranscriptionAvailable", event, call);
        }

        @Override
        public void onRecordingAvailable(RecordingAvailable event, CallState call) {
            told("onRecordingAvailable", event, call);
        }

        @Override
        public void onDtmf(DtmfReceived event, CallState call) {
            told("onDtmf", event, call);
        }

        @Override
        public void onMachineDetectionComplete(MachineDetectionCompleted event, CallState call) {
            told("onMachineDetectionComplete", event, call);
        }

        @Override
        public void onMediaStream(MediaStreamChanged event, CallState call) {
            told("onMediaStream", event, call);
        }

        @Override
        public void onRealTimeTranscription(RealTimeTranscriptionChanged event, CallState call) {
            told("onRealTimeTranscription", event, call);
        }

        @Override
        public void onUnrecognized(UnrecognizedCallEvent event, CallState call) {
            told("onUnrecognized", event, call);
        }
    }

    private static Response named(String method) {
        return Response.builder().speakSentence(method).build();
    }

    private record Fixture(
            CallEvents call, ActorRef<VoiceEntity.Command> entity, TestProbe<Ran> ran, TestProbe<EventReply> replies) {
        EventReply ask(CallEvent event) {
            entity.tell(new VoiceEntity.Handle(event, replies.getRef()));
            return replies.receiveMessage();
        }
    }

    private static Fixture start() {
        CallEvents call = CallEvents.newCall();
        TestProbe<Ran> ran = testKit.createTestProbe();
        TestProbe<EventReply> replies = testKit.createTestProbe();
        ActorRef<VoiceEntity.Command> entity = testKit.spawn(
                CallEntity.create(
                        call.callId(),
                        new RecordingFlow(ran.getRef()),
                        flowExecutor,
                        EntityTestSupport.settings(),
                        stop -> {}),
                call.callId().value());
        return new Fixture(call, entity, ran, replies);
    }

    @Test
    void everyNewEventReachesItsFlowMethodAndIsAnsweredAsBandwidthExpects() {
        Fixture f = start();
        CallEvents call = f.call();
        Map<CallEvent, String> expected = new LinkedHashMap<>();
        expected.put(call.initiate(), "onInitiate");
        expected.put(call.answer(), "onAnswer");
        expected.put(call.transferComplete(DisconnectCause.TIMEOUT), "onTransferComplete");
        expected.put(call.bridgeComplete(DisconnectCause.BUSY), "onBridgeComplete");
        expected.put(call.bridgeTargetComplete(), "onBridgeTargetComplete");
        expected.put(call.referComplete(ReferCallStatus.FAILURE, 603), "onReferComplete");
        expected.put(call.recordingAvailable(CallEvents.fullRecording("r-1")), "onRecordingAvailable");
        expected.put(call.dtmf("7"), "onDtmf");
        expected.put(call.machineDetection(MachineDetectionResult.HUMAN), "onMachineDetectionComplete");
        for (MediaStreamChange change : MediaStreamChange.values()) {
            expected.put(call.mediaStream(change, "s-1"), "onMediaStream");
        }
        for (RealTimeTranscriptionChange change : RealTimeTranscriptionChange.values()) {
            expected.put(call.realTimeTranscription(change, "t-1"), "onRealTimeTranscription");
        }
        expected.put(call.unrecognized("someFutureEvent", Map.of("k", "v")), "onUnrecognized");

        int applied = 0;
        for (Map.Entry<CallEvent, String> entry : expected.entrySet()) {
            CallEvent event = entry.getKey();
            String method = entry.getValue();
            EventReply reply = f.ask(event);
            if (event.replyExpectation() == ReplyExpectation.EXECUTED) {
                assertEquals(new EventReply(named(method), ReplyOrigin.FLOW), reply, event.eventType());
            } else {
                assertEquals(new EventReply(null, ReplyOrigin.FLOW), reply, event.eventType());
            }
            Ran ran = f.ran().receiveMessage();
            assertEquals(method, ran.method(), event.eventType());
            assertEquals(event, ran.event());
            assertEquals(++applied, ran.state().eventsApplied(), "the flow sees the state after " + event.eventType());
        }
        f.ran().expectNoMessage();
    }

    @Test
    void flowSeesWhatTheNewEventsRecordedInTheState() {
        Fixture f = start();
        CallEvents call = f.call();
        f.ask(call.initiate());
        f.ask(call.answer());
        f.ask(call.dtmf("4"));
        f.ask(call.dtmf("2"));
        f.ask(call.mediaStream(MediaStreamChange.STARTED, "s-9"));
        f.ask(call.bridgeComplete(DisconnectCause.REJECTED));
        List<Ran> runs = f.ran().receiveSeveralMessages(6);
        CallState last = runs.get(5).state();
        assertEquals("42", last.dtmfDigits());
        assertEquals(List.of("s-9"), last.activeMediaStreams());
        assertEquals(DisconnectCause.REJECTED, last.bridgeOutcome().cause());
    }

    @Test
    void unrecognizedEventReachesOnUnrecognizedAndIsCountedInTheState() {
        Fixture f = start();
        CallEvents call = f.call();
        f.ask(call.initiate());
        UnrecognizedCallEvent unknown = call.unrecognized("aiAgentHandoff", Map.of("agentId", "a-1"));
        EventReply reply = f.ask(unknown);

        assertNull(reply.response());
        assertEquals(ReplyOrigin.FLOW, reply.origin());
        f.ran().receiveMessage(); // onInitiate
        Ran ran = f.ran().receiveMessage();
        assertEquals("onUnrecognized", ran.method());
        assertEquals(unknown, ran.event());
        assertEquals(1, ran.state().unrecognizedEvents());
        assertEquals(List.of("aiAgentHandoff"), ran.state().unrecognizedEventTypes());
    }

    @Test
    void executedNewEventsGetAnEmptyResponseFromTheDefaultFlow() {
        CallFlow defaults = new CallFlow() {};
        CallEvents call = CallEvents.newCall();
        CallState state = CallState.initial(call.callId());
        assertEquals(
                Response.empty(), call.transferComplete(DisconnectCause.HANGUP).offerTo(defaults, state));
        assertEquals(Response.empty(), call.bridgeComplete(DisconnectCause.BUSY).offerTo(defaults, state));
        assertEquals(Response.empty(), call.bridgeTargetComplete().offerTo(defaults, state));
        assertEquals(
                Response.empty(),
                call.referComplete(ReferCallStatus.FAILURE, 500).offerTo(defaults, state));
        assertEquals(Reply.none(), call.dtmf("1").offerTo(defaults, state));
        assertEquals(Reply.none(), call.unrecognized("x", Map.of()).offerTo(defaults, state));
    }
}
