package io.switchboard.domain.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.ManualTime;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import com.typesafe.config.ConfigFactory;
import io.switchboard.domain.call.CallEntity;
import io.switchboard.domain.call.CallEvents;
import io.switchboard.domain.call.ScriptedCallFlow;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.control.CallControl;
import io.switchboard.domain.flow.FlowServices;
import io.switchboard.domain.verb.Response;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * An entity tells its owner once that it has ended, and leaves when the owner asks before its retention is over:
 * what memory admission relies on to send ended calls away first. Timers run on manual time, which never passes here.
 */
class EndedEntityNoticeTest {
    private static final ActorTestKit testKit = ActorTestKit.create(
            ManualTime.config().withFallback(ConfigFactory.parseString(EntityTestSupport.TESTKIT_CONFIG)));
    private static final ExecutorService flowExecutor = Executors.newFixedThreadPool(2);

    @AfterAll
    static void shutDown() {
        testKit.shutdownTestKit();
        flowExecutor.shutdownNow();
    }

    @Test
    void anEndedCallTellsItsOwnerOnceAndAsksToBePassivatedWhenSentAwayBeforeItsRetentionIsOver() {
        CallEvents call = CallEvents.newCall();
        TestProbe<ScriptedCallFlow.Call> flowCalls = testKit.createTestProbe();
        TestProbe<EventReply> replies = testKit.createTestProbe();
        TestProbe<ActorRef<VoiceEntity.Command>> passivations = testKit.createTestProbe();
        TestProbe<ActorRef<VoiceEntity.Command>> retentionStarted = testKit.createTestProbe();
        ActorRef<VoiceEntity.Command> entity = testKit.spawn(InMemoryVoiceEntity.create(
                CallEntity.rules(
                        call.callId(), ScriptedCallFlow.sync(flowCalls.getRef(), (event, state) -> Response.empty())),
                new EntityWiring(
                        flowExecutor,
                        FlowServices.of(CallControl.unavailable()),
                        EntityTestSupport.settings(),
                        passivations.getRef()::tell,
                        retentionStarted.getRef()::tell)));

        EntityTestSupport.ask(entity, call.initiate(), replies);
        EntityTestSupport.ask(entity, call.gather("1"), replies);
        retentionStarted.expectNoMessage();

        EntityTestSupport.ask(entity, call.disconnect(DisconnectCause.HANGUP), replies);
        assertEquals(entity, retentionStarted.receiveMessage());
        assertEquals(
                ReplyOrigin.FLOW,
                EntityTestSupport.ask(entity, call.transcription(null, CallEvents.transcriptionOf("r-1")), replies)
                        .origin(),
                "a late event is still served");
        retentionStarted.expectNoMessage();
        passivations.expectNoMessage();

        entity.tell(VoiceEntity.RetentionElapsed.INSTANCE);
        assertEquals(entity, passivations.receiveMessage());
        entity.tell(VoiceEntity.Stop.INSTANCE);
        passivations.expectTerminated(entity);
    }
}
