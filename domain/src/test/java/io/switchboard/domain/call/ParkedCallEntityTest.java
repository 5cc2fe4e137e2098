package io.switchboard.domain.call;

import static io.switchboard.domain.entity.EntityTestSupport.IDLE_TIMEOUT;
import static io.switchboard.domain.entity.EntityTestSupport.RETENTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.ManualTime;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import com.typesafe.config.ConfigFactory;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.control.CallControl;
import io.switchboard.domain.entity.EntityInspection;
import io.switchboard.domain.entity.EntityMemory;
import io.switchboard.domain.entity.EntityTestSupport;
import io.switchboard.domain.entity.EntityWiring;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.InMemoryVoiceEntity;
import io.switchboard.domain.entity.ParkingSpot;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.flow.FlowServices;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A call entity that parks its memory when stopped and takes it back when started again. */
class ParkedCallEntityTest {

    private static final ActorTestKit testKit = ActorTestKit.create(
            ManualTime.config().withFallback(ConfigFactory.parseString(EntityTestSupport.TESTKIT_CONFIG)));
    private static final ManualTime manualTime = ManualTime.get(testKit.system());
    private static final ExecutorService flowExecutor = Executors.newFixedThreadPool(2);

    @AfterAll
    static void shutDown() {
        testKit.shutdownTestKit();
        flowExecutor.shutdownNow();
    }

    /** One parking place, as the application's store keeps one per entity. */
    private static final class Spot implements ParkingSpot<CallState> {
        EntityMemory<CallState> memory;
        boolean ended;
        int parks;

        @Override
        public Optional<EntityMemory<CallState>> takeBack() {
            Optional<EntityMemory<CallState>> parked = Optional.ofNullable(memory);
            memory = null;
            return parked;
        }

        @Override
        public void park(EntityMemory<CallState> parked, boolean hasEnded) {
            memory = parked;
            ended = hasEnded;
            parks++;
        }
    }

    private final CallEvents call = CallEvents.newCall();
    private final Spot spot = new Spot();
    private final TestProbe<ScriptedCallFlow.Call> flowCalls = testKit.createTestProbe();
    private final TestProbe<EventReply> replies = testKit.createTestProbe();
    private final TestProbe<ActorRef<VoiceEntity.Command>> passivations = testKit.createTestProbe();

    /** An incarnation of the call's entity; every one parks in, and resumes from, the same spot. */
    private ActorRef<VoiceEntity.Command> start() {
        ScriptedCallFlow flow = ScriptedCallFlow.sync(
                flowCalls.getRef(),
                (event, state) -> Response.builder()
                        .speakSentence(event.eventType() + " after " + state.lastDigits())
                        .build());
        return testKit.spawn(InMemoryVoiceEntity.create(
                CallEntity.rules(call.callId(), flow),
                new EntityWiring(
                        flowExecutor,
                        FlowServices.of(CallControl.unavailable()),
                        EntityTestSupport.settings(),
                        passivations.getRef()::tell,
                        self -> {}),
                spot));
    }

    private void stop(ActorRef<VoiceEntity.Command> entity) {
        TestProbe<Object> watcher = testKit.createTestProbe();
        entity.tell(VoiceEntity.Stop.INSTANCE);
        watcher.expectTerminated(entity);
    }

    @Test
    void aParkedCallResumedAnswersARedeliveryAsBeforeAndContinuesItsState() {
        ActorRef<VoiceEntity.Command> first = start();
        CallInitiated initiate = call.initiate();
        EntityTestSupport.ask(first, initiate, replies);
        GatherCompleted gather = call.gather("7");
        EventReply toGather = EntityTestSupport.ask(first, gather, replies);
        flowCalls.receiveSeveralMessages(2);
        stop(first);
        assertEquals(1, spot.parks);
        assertFalse(spot.ended);

        ActorRef<VoiceEntity.Command> resumed = start();
        EventReply again = EntityTestSupport.ask(resumed, gather, replies);
        assertEquals(ReplyOrigin.REDELIVERY, again.origin());
        assertEquals(toGather.response(), again.response());
        flowCalls.expectNoMessage();
        assertNull(spot.memory, "the resumed entity took its memory back");

        EventReply toNext = EntityTestSupport.ask(resumed, call.gather("8"), replies);
        assertEquals(ReplyOrigin.FLOW, toNext.origin());
        assertEquals(gather.eventType(), flowCalls.receiveMessage().event().eventType());
        EntityInspection inspection = EntityTestSupport.inspect(testKit, resumed);
        assertEquals(4, inspection.timeline().size(), "initiate, gather, its redelivery and the next gather");
        assertEquals(initiate, inspection.timeline().get(0).event(), "the history from before the stop");
        assertEquals("8", ((CallState) inspection.state()).lastDigits());
    }

    @Test
    void anEndedCallParksAsEnded() {
        ActorRef<VoiceEntity.Command> entity = start();
        EntityTestSupport.ask(entity, call.initiate(), replies);
        EntityTestSupport.ask(entity, call.disconnect(DisconnectCause.HANGUP), replies);
        stop(entity);
        assertTrue(spot.ended);
        assertTrue(spot.memory.state().hasEnded());
    }

    @Test
    void aParkingEntityKeepsNoIdleTimerItsShardStopsItWhenIdle() {
        ActorRef<VoiceEntity.Command> entity = start();
        EntityTestSupport.ask(entity, call.initiate(), replies);
        manualTime.expectNoMessageFor(IDLE_TIMEOUT.plus(Duration.ofSeconds(1)), passivations);
        stop(entity);
        assertEquals(1, spot.parks);
    }

    @Test
    void anEndedCallAsksToStopAtOnceWithNoRetentionTimerAndParksAsEnded() {
        ActorRef<VoiceEntity.Command> entity = start();
        EntityTestSupport.ask(entity, call.initiate(), replies);
        EntityTestSupport.ask(entity, call.disconnect(DisconnectCause.HANGUP), replies);
        assertEquals(entity, passivations.receiveMessage(), "no time passed: the end alone asks for the stop");
        manualTime.expectNoMessageFor(RETENTION.plus(Duration.ofSeconds(1)), passivations);
        stop(entity);
        assertEquals(1, spot.parks);
        assertTrue(spot.ended, "parked as ended: the spot keeps it for the retention after the end");
    }

    @Test
    void anEndedCallStartedAgainByALateEventStaysUntilItsShardFindsItIdleThenParksAgain() {
        ActorRef<VoiceEntity.Command> first = start();
        EntityTestSupport.ask(first, call.initiate(), replies);
        EntityTestSupport.ask(first, call.disconnect(DisconnectCause.HANGUP), replies);
        assertEquals(first, passivations.receiveMessage());
        stop(first);

        ActorRef<VoiceEntity.Command> resumed = start();
        EntityTestSupport.ask(resumed, call.recordingAvailable(CallEvents.fullRecording("r-late")), replies);
        manualTime.expectNoMessageFor(RETENTION.plus(Duration.ofSeconds(1)), passivations);
        stop(resumed);
        assertEquals(2, spot.parks);
        assertTrue(spot.ended);
        assertEquals(3, spot.memory.timeline().size(), "initiate, disconnect and the late recording");
    }

    @Test
    void anEndedCallWhoseRetentionIsOverIsForgottenNotParked() {
        ActorRef<VoiceEntity.Command> entity = start();
        EntityTestSupport.ask(entity, call.initiate(), replies);
        EntityTestSupport.ask(entity, call.disconnect(DisconnectCause.HANGUP), replies);
        assertEquals(entity, passivations.receiveMessage());
        // Its owner needs the room (memory admission) before the stop came.
        entity.tell(VoiceEntity.RetentionElapsed.INSTANCE);
        stop(entity);
        assertEquals(0, spot.parks);
    }

    @Test
    void anEntityStartedByAnInspectionOfAParkedCallShowsItAndParksItAgain() {
        ActorRef<VoiceEntity.Command> first = start();
        EntityTestSupport.ask(first, call.initiate(), replies);
        stop(first);

        ActorRef<VoiceEntity.Command> inspected = start();
        assertEquals(1, EntityTestSupport.inspect(testKit, inspected).timeline().size());
        assertEquals(inspected, passivations.receiveMessage(), "nothing keeps it resident");
        stop(inspected);
        assertEquals(2, spot.parks);
        assertEquals(1, spot.memory.timeline().size());
    }
}
