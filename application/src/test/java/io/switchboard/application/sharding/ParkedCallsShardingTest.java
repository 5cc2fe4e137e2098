package io.switchboard.application.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import io.switchboard.application.OneNodeCluster;
import io.switchboard.application.SampleEvents;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.application.admission.ResidentEntities;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** In memory mode an idle call stops being an actor, and its next event finds it as it was. */
class ParkedCallsShardingTest {
    private static final ActorTestKit testKit = OneNodeCluster.testKit("""
            switchboard.durability.mode = memory
            switchboard.entity.park-after = 1s
            # Redeliveries go to the entity, not to the node's answered events: the entity must recognise them.
            switchboard.answered-events.max-entries = 0
            """);
    private static final SwitchboardSettings settings =
            SwitchboardSettings.from(testKit.system().settings().config());
    private static ShardedVoiceEventHandler handler;

    /** Echoes every digit the call gathered, so the reply shows what the call remembers. */
    private static final CallFlow flow = new CallFlow() {
        @Override
        public Reply onGather(GatherCompleted event, CallState call) {
            return Response.builder()
                    .speakSentence("You pressed " + call.gatheredDigits())
                    .build();
        }
    };

    @BeforeAll
    static void start() {
        ClusterMembership.joinSelfUnlessSeeded(testKit.system());
        EntityRegistration.init(testKit.system(), flow, new ConferenceFlow() {}, settings);
        handler = new ShardedVoiceEventHandler(testKit.system(), settings, List.of());
    }

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    private static EventReply await(CompletionStage<EventReply> stage) throws Exception {
        return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void aParkedCallAnswersARedeliveryAsBeforeAndContinuesItsState() throws Exception {
        GatherCompleted first = SampleEvents.gather("c-parked", "1");
        EventReply toFirst = await(handler.handle(first));
        assertEquals(ReplyOrigin.FLOW, toFirst.origin());

        ParkedEntities parked = ParkedEntities.get(testKit.system());
        ResidentEntities resident = ResidentEntities.get(testKit.system());
        testKit.createTestProbe().awaitAssert(Duration.ofSeconds(20), () -> {
            assertEquals(0, resident.count(), "its shard stopped the idle entity");
            assertEquals(1, parked.count(), "and its memory is parked");
            return null;
        });

        EventReply again = await(handler.handle(first));
        assertEquals(ReplyOrigin.REDELIVERY, again.origin());
        assertEquals(toFirst.response(), again.response());
        assertEquals(0, parked.count(), "the entity took its memory back");

        EventReply toSecond = await(handler.handle(SampleEvents.gather("c-parked", "2")));
        assertEquals(
                Response.builder().speakSentence("You pressed [1, 2]").build(),
                toSecond.response(),
                "the state went on from before the park");
    }
}
