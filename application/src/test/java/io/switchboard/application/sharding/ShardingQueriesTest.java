package io.switchboard.application.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.cluster.sharding.ShardRegion;
import akka.cluster.sharding.typed.GetShardRegionState;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import io.switchboard.application.OneNodeCluster;
import io.switchboard.application.SampleEvents;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.application.port.in.ClusterShape;
import io.switchboard.application.port.in.EntityCounts;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.conference.ConferenceCreated;
import io.switchboard.domain.conference.ConferenceDetails;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.conference.ConferenceState;
import io.switchboard.domain.entity.EntityInspection;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.TimelineEntry;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin queries over Cluster Sharding, on one node that joined itself. */
class ShardingQueriesTest {
    private static final ActorTestKit testKit = OneNodeCluster.testKit();
    private static final SwitchboardSettings settings =
            SwitchboardSettings.from(testKit.system().settings().config());
    private static ShardedVoiceEventHandler handler;
    private static ShardedEntityQuery entities;
    private static ShardingClusterShape shape;

    private static final CallFlow echo = new CallFlow() {
        @Override
        public Reply onGather(GatherCompleted event, CallState call) {
            return Response.builder()
                    .speakSentence("You pressed " + event.digits())
                    .build();
        }
    };

    @BeforeAll
    static void start() {
        ClusterMembership.joinSelfUnlessSeeded(testKit.system());
        EntityRegistration.init(testKit.system(), echo, new ConferenceFlow() {}, settings);
        handler = new ShardedVoiceEventHandler(testKit.system(), settings, List.of());
        entities = new ShardedEntityQuery(testKit.system(), settings);
        shape = new ShardingClusterShape(testKit.system(), settings);
    }

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void aCallsQueryShowsItsStateAndTimeline() throws Exception {
        GatherCompleted first = SampleEvents.gather("c-queried", "1");
        GatherCompleted second = new GatherCompleted(SampleEvents.call("c-queried"), "2", "");
        await(handler.handle(first));
        await(handler.handle(second));

        EntityInspection inspection =
                await(entities.call(CallId.of("c-queried"))).orElseThrow();

        assertEquals(List.of("1", "2"), ((CallState) inspection.state()).gatheredDigits());
        assertEquals(
                List.of(first, second),
                inspection.timeline().stream().map(TimelineEntry::event).toList());
        assertEquals(
                Response.builder().speakSentence("You pressed 2").build(),
                inspection.timeline().get(1).reply().response());
        assertEquals(ReplyOrigin.FLOW, inspection.timeline().get(1).reply().origin());
    }

    @Test
    void aConferencesQueryShowsItsState() throws Exception {
        ConferenceId id = ConferenceId.of("conf-queried");
        await(handler.handle(new ConferenceCreated(new ConferenceDetails(id, "sales", null, null))));

        EntityInspection inspection = await(entities.conference(id)).orElseThrow();

        assertEquals("sales", ((ConferenceState) inspection.state()).name());
    }

    @Test
    void anUnknownCallIsNotFoundAndLeavesNoEntityBehind() throws Exception {
        assertEquals(Optional.empty(), await(entities.call(CallId.of("c-never-seen"))));

        TestProbe<ShardRegion.CurrentShardRegionState> probe = testKit.createTestProbe();
        probe.awaitAssert(Duration.ofSeconds(20), () -> {
            ClusterSharding.get(testKit.system())
                    .shardState()
                    .tell(new GetShardRegionState(EntityKeys.CALL, probe.getRef()));
            boolean resident = probe.receiveMessage().getShards().stream()
                    .anyMatch(shard -> shard.getEntityIds().contains("c-never-seen"));
            assertFalse(resident, "the entity the query started was passivated");
            return null;
        });
    }

    @Test
    void theClusterShapeNamesThisNodeWithItsShardsAndEntities() throws Exception {
        await(handler.handle(SampleEvents.gather("c-shape", "1")));

        ClusterShape cluster = await(shape.clusterShape());

        assertEquals(1, cluster.nodes().size());
        ClusterShape.Node self = cluster.nodes().get(0);
        assertEquals(cluster.self(), self.address());
        assertEquals(cluster.self(), cluster.leader());
        assertEquals("Up", self.status());
        assertTrue(self.reachable());
        assertTrue(self.shards().get("Call") >= 1, "the node hosts call shards: " + self);
        assertTrue(self.entities().get("Call") >= 1, "and active call entities: " + self);
    }

    @Test
    void membershipCountsComeFromThisNodesView() {
        assertEquals(java.util.Map.of("Up", 1), shape.membersByStatus());
        assertEquals(0, shape.unreachableMembers());
    }

    @Test
    void localEntitiesCountTheActiveCallsAndConferences() throws Exception {
        EntityCounts before = await(shape.localEntities());
        await(handler.handle(SampleEvents.gather("c-counted", "1")));
        await(handler.handle(
                new ConferenceCreated(new ConferenceDetails(ConferenceId.of("conf-counted"), "c", null, null))));

        EntityCounts after = await(shape.localEntities());

        assertTrue(after.calls() >= before.calls() + 1, before + " then " + after);
        assertTrue(after.conferences() >= before.conferences() + 1, before + " then " + after);
    }
}
