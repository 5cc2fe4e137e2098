package io.switchboard.application.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.persistence.testkit.PersistenceTestKitPlugin;
import akka.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import akka.persistence.testkit.javadsl.PersistenceTestKit;
import akka.persistence.typed.PersistenceId;
import com.typesafe.config.ConfigFactory;
import io.switchboard.domain.call.CallEntity;
import io.switchboard.domain.call.CallEvents;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.MachineDetectionCompleted;
import io.switchboard.domain.control.IssuedRequest;
import io.switchboard.domain.control.RequestOutcome;
import io.switchboard.domain.control.ScriptedCallControl;
import io.switchboard.domain.control.UpdateCall;
import io.switchboard.domain.entity.EntityTestSupport;
import io.switchboard.domain.entity.EntityWiring;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.RequestSettled;
import io.switchboard.domain.entity.TimelineEntry;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.flow.FlowServices;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * In journal mode a flow's requests are stored with its event (serialized as a real journal does) before they are
 * issued, their outcomes are stored as they come, and neither a redelivery to a recovered entity nor the recovery
 * of a request that was on its way sends anything again.
 */
class DurableFlowRequestsTest {
    private static final ActorTestKit testKit = ActorTestKit.create(PersistenceTestKitPlugin.getInstance()
            .config()
            .withFallback(PersistenceTestKitSnapshotPlugin.config())
            .withFallback(ConfigFactory.parseString(EntityTestSupport.TESTKIT_CONFIG))
            .withFallback(ConfigFactory.load()));
    private static final PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());
    private static final ExecutorService flowExecutor = Executors.newFixedThreadPool(2);
    private static final String VOICEMAIL = "https://ivr.example.com/voicemail";

    @AfterAll
    static void shutDown() {
        testKit.shutdownTestKit();
        flowExecutor.shutdownNow();
    }

    /** Sends a machine to voicemail through the update-call API. */
    private static final class VoicemailOnMachine implements CallFlow {
        @Override
        public void onMachineDetectionComplete(MachineDetectionCompleted event, CallState call, FlowContext context) {
            context.call(call.callId()).redirect(VOICEMAIL);
        }
    }

    private final ScriptedCallControl control = new ScriptedCallControl();
    private final CallEvents call = CallEvents.newCall();
    private final PersistenceId persistenceId =
            PersistenceId.of("Call", call.callId().value());
    private final TestProbe<EventReply> replies = testKit.createTestProbe();
    private ActorRef<VoiceEntity.Command> entity;

    private void start() {
        entity = testKit.spawn(DurableVoiceEntity.create(
                persistenceId,
                CallEntity.rules(call.callId(), new VoicemailOnMachine()),
                new EntityWiring(
                        flowExecutor, FlowServices.of(control), EntityTestSupport.settings(), self -> {}, self -> {}),
                100));
    }

    private void stop() {
        entity.tell(VoiceEntity.Stop.INSTANCE);
        replies.expectTerminated(entity);
    }

    private List<IssuedRequest> requests() {
        return EntityTestSupport.inspect(testKit, entity).timeline().stream()
                .flatMap(entry -> entry.requests().stream())
                .toList();
    }

    @Test
    void theRequestIsStoredWithItsEventThenIssuedAndItsOutcomeStored() throws Exception {
        start();
        MachineDetectionCompleted machine = call.machineDetection("answering-machine");

        EntityTestSupport.ask(entity, machine, replies);
        ScriptedCallControl.Sent sent = control.next();
        sent.succeed();

        assertEquals(UpdateCall.redirect(call.callId(), VOICEMAIL), sent.request());
        testKit.createTestProbe().awaitAssert(() -> {
            List<Object> stored = journal.persistedInStorage(persistenceId.id());
            assertEquals(2, stored.size(), () -> "stored: " + stored);
            TimelineEntry entry = (TimelineEntry) stored.get(0);
            assertEquals(
                    UpdateCall.redirect(call.callId(), VOICEMAIL),
                    entry.requests().get(0).request());
            RequestSettled settled = (RequestSettled) stored.get(1);
            assertEquals(entry.requests().get(0).id(), settled.requestId());
            assertEquals(RequestOutcome.Status.SUCCEEDED, settled.outcome().status());
            return null;
        });
    }

    @Test
    void aRedeliveryToTheRecoveredEntityRepeatsNoRequest() throws Exception {
        start();
        MachineDetectionCompleted machine = call.machineDetection("answering-machine");
        EntityTestSupport.ask(entity, machine, replies);
        control.next().succeed();
        testKit.createTestProbe().awaitAssert(() -> {
            assertEquals(2, journal.persistedInStorage(persistenceId.id()).size());
            return null;
        });
        stop();

        start();
        EventReply again = EntityTestSupport.ask(entity, machine, replies);

        assertEquals(ReplyOrigin.REDELIVERY, again.origin());
        assertNull(control.nextWithin(300), "nothing is sent again");
        assertEquals(
                RequestOutcome.Status.SUCCEEDED, requests().get(0).outcome().status());
    }

    @Test
    void aRequestOnItsWayWhenTheEntityStoppedIsRecordedUnknownAndNotSentAgain() throws Exception {
        start();
        EntityTestSupport.ask(entity, call.machineDetection("answering-machine"), replies);
        ScriptedCallControl.Sent unanswered = control.next();
        assertNotNull(unanswered);
        stop();

        start();

        testKit.createTestProbe().awaitAssert(() -> {
            RequestOutcome outcome = requests().get(0).outcome();
            assertNotNull(outcome);
            assertEquals(RequestOutcome.Status.UNKNOWN, outcome.status());
            assertTrue(outcome.detail().contains("not sent again"), outcome.detail());
            return null;
        });
        assertNull(control.nextWithin(300), "the recovered entity sends nothing");
    }
}
