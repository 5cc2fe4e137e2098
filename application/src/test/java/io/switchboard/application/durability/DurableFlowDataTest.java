package io.switchboard.application.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.persistence.jdbc.testkit.javadsl.SchemaUtils;
import akka.persistence.typed.PersistenceId;
import com.typesafe.config.ConfigFactory;
import io.switchboard.application.flow.FlowSupport;
import io.switchboard.domain.call.CallEntity;
import io.switchboard.domain.call.CallEvents;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.control.CallControl;
import io.switchboard.domain.entity.EntityTestSupport;
import io.switchboard.domain.entity.EntityWiring;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.flow.FlowData;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.SpeakSentence;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * In journal mode (the service's akka-persistence-jdbc plugin, on H2) the data a flow sets is stored with its
 * event: an entity that stops and recovers, from its events or from a snapshot, gives the next event's flow the
 * data the last one set, and a redelivery to it does not run the flow again.
 */
class DurableFlowDataTest {
    private static final ActorTestKit testKit = ActorTestKit.create(H2Journal.config(H2Journal.newUrl("flow-data"))
            .withFallback(ConfigFactory.parseString(EntityTestSupport.TESTKIT_CONFIG))
            .withFallback(ConfigFactory.load()));

    @BeforeAll
    static void createSchema() throws Exception {
        SchemaUtils.createIfNotExists(testKit.system()).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void shutDown() {
        testKit.shutdownTestKit();
    }

    /** A PIN check's data: the attempts so far and the last PIN tried. */
    record PinAttempts(int attempts, String lastPin) {}

    /** Counts the PINs tried in its data and says how many. */
    private static final class PinFlow implements CallFlow {
        @Override
        public Reply onGather(GatherCompleted event, CallState call, FlowContext context) {
            int attempts = context.data(PinAttempts.class, () -> new PinAttempts(0, null))
                            .attempts()
                    + 1;
            context.setData(new PinAttempts(attempts, event.digits()));
            return Response.builder().speakSentence("attempt " + attempts).build();
        }
    }

    private final CallEvents call = CallEvents.newCall();
    private final TestProbe<EventReply> replies = testKit.createTestProbe();
    private ActorRef<VoiceEntity.Command> entity;

    /** A new incarnation of the call's entity: it recovers from the journal. */
    private void start(int snapshotEvery) {
        entity = testKit.spawn(DurableVoiceEntity.create(
                PersistenceId.of("Call", call.callId().value()),
                CallEntity.rules(call.callId(), new PinFlow()),
                new EntityWiring(
                        testKit.system().executionContext(),
                        FlowSupport.services(testKit.system(), CallControl.unavailable()),
                        EntityTestSupport.settings(),
                        self -> {},
                        self -> {}),
                snapshotEvery));
    }

    private void stop() {
        entity.tell(VoiceEntity.Stop.INSTANCE);
        replies.expectTerminated(entity);
    }

    @Test
    void dataSetBeforeARestartIsSeenByTheNextEventAfterIt() {
        start(100);
        GatherCompleted first = call.gather("1234");
        assertEquals("attempt 1", spoken(EntityTestSupport.ask(entity, first, replies)));
        stop();

        start(100);
        EventReply again = EntityTestSupport.ask(entity, first, replies);
        EventReply next = EntityTestSupport.ask(entity, call.gather("4321"), replies);

        assertEquals(ReplyOrigin.REDELIVERY, again.origin(), "the flow does not run again");
        assertEquals("attempt 2", spoken(next));
        assertEquals(
                new FlowData("{\"attempts\":2,\"lastPin\":\"4321\"}"),
                EntityTestSupport.inspect(testKit, entity).flowData());
    }

    @Test
    void dataIsRecoveredFromASnapshotToo() {
        start(2);
        for (String pin : List.of("1111", "2222", "3333")) {
            EntityTestSupport.ask(entity, call.gather(pin), replies);
        }
        stop();

        start(2);

        assertEquals("attempt 4", spoken(EntityTestSupport.ask(entity, call.gather("4444"), replies)));
    }

    private static String spoken(EventReply reply) {
        assertEquals(ReplyOrigin.FLOW, reply.origin(), () -> "reply " + reply);
        return ((SpeakSentence) reply.response().verbs().get(0)).text();
    }
}
