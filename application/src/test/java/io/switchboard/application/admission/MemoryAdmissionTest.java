package io.switchboard.application.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.cluster.sharding.ShardRegion;
import akka.cluster.sharding.typed.GetShardRegionState;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import com.typesafe.config.ConfigFactory;
import io.switchboard.application.OneNodeCluster;
import io.switchboard.application.SampleEvents;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.application.port.in.AdmissionRefusedException;
import io.switchboard.application.sharding.ClusterMembership;
import io.switchboard.application.sharding.EntityKeys;
import io.switchboard.application.sharding.EntityRegistration;
import io.switchboard.application.sharding.ShardedVoiceEventHandler;
import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.call.CallEnding;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node at its resident ceiling makes room for a new call by sending away the call that ended first, refuses new
 * calls at once when no ended call is resident, and serves the calls in progress all along. Ended calls stay 10
 * minutes here, and are not parked, so any that leaves within the test was sent away by admission.
 */
class MemoryAdmissionTest {
    private ActorTestKit testKit;
    private ShardedVoiceEventHandler handler;

    @AfterEach
    void shutdown() {
        if (testKit != null) {
            testKit.shutdownTestKit();
        }
    }

    private void startNode(int residentCeiling) {
        testKit = OneNodeCluster.testKit("""
                switchboard.admission.max-resident-entities = %d
                switchboard.entity.retention-after-end = 10m
                # Entities stay actors (nothing parked): an ended call parked at once would not be resident.
                switchboard.entity.park-after = 1d
                """.formatted(residentCeiling));
        SwitchboardSettings settings =
                SwitchboardSettings.from(testKit.system().settings().config());
        ClusterMembership.joinSelfUnlessSeeded(testKit.system());
        EntityRegistration.init(testKit.system(), new CallFlow() {}, new ConferenceFlow() {}, settings);
        handler = new ShardedVoiceEventHandler(testKit.system(), settings, List.of());
    }

    @Test
    void atTheCeilingWithNoEndedCallNewCallsAreRefusedAndCallsInProgressServed() throws Exception {
        startNode(2);
        assertEquals(ReplyOrigin.FLOW, handle(initiate("c-first")).origin());
        assertEquals(ReplyOrigin.FLOW, handle(initiate("c-second")).origin());
        assertEquals(2, handler.residentEntities());

        assertRefused("c-third");
        assertEquals(1, handler.newCallsShed());
        assertEquals(2, handler.residentEntities(), "the refused call left nothing resident");
        assertEquals(Set.of("c-first", "c-second"), residentCalls(), "no call in progress was sent away");

        assertEquals(
                ReplyOrigin.FLOW, handle(SampleEvents.gather("c-first", "1")).origin());
        assertEquals(0, handler.endedEntitiesEvicted());
        assertEquals(2, handler.residentCeiling());
    }

    @Test
    void atTheCeilingTheCallThatEndedFirstLeavesForANewCallThenNewCallsAreRefused() throws Exception {
        startNode(3);
        for (String call : List.of("c-1", "c-2", "c-3")) {
            assertEquals(ReplyOrigin.FLOW, handle(initiate(call)).origin());
        }
        // c-2 ends before c-1: the order of ending counts, not the order of starting.
        handle(hangUp("c-2"));
        handle(hangUp("c-1"));
        assertEquals(2, handler.endedEntitiesResident());

        assertEquals(ReplyOrigin.FLOW, handle(initiate("c-4")).origin(), "admitted, not refused");
        awaitResidentCalls(Set.of("c-1", "c-3", "c-4"));

        assertEquals(ReplyOrigin.FLOW, handle(initiate("c-5")).origin());
        awaitResidentCalls(Set.of("c-3", "c-4", "c-5"));
        assertEquals(2, handler.endedEntitiesEvicted());
        assertEquals(0, handler.endedEntitiesResident());

        // Only calls in progress are left: the next new call is refused, and they are served.
        assertRefused("c-6");
        assertEquals(1, handler.newCallsShed());
        for (String call : List.of("c-3", "c-4", "c-5")) {
            assertEquals(
                    ReplyOrigin.FLOW, handle(SampleEvents.gather(call, "1")).origin());
        }
        assertEquals(Set.of("c-3", "c-4", "c-5"), residentCalls());
    }

    @Test
    void withoutAConfiguredCeilingItIsAShareOfTheHeapOverWhatAnEntityHolds() {
        var admission = ConfigFactory.parseString("""
                max-resident-entities = 0
                heap-fraction = 0.5
                heap-per-entity = 8KiB
                """);
        assertEquals(6_144, AdmissionSettings.from(admission, 96L << 20).residentCeiling());
    }

    private EventReply handle(VoiceEvent event) throws Exception {
        CompletionStage<EventReply> reply = handler.handle(event);
        return reply.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private void assertRefused(String callId) {
        ExecutionException refused = assertThrows(ExecutionException.class, () -> handle(initiate(callId)));
        assertInstanceOf(AdmissionRefusedException.class, refused.getCause());
    }

    /** The calls whose entities this node's shards hold now. */
    private Set<String> residentCalls() {
        TestProbe<ShardRegion.CurrentShardRegionState> probe = testKit.createTestProbe();
        ClusterSharding.get(testKit.system())
                .shardState()
                .tell(new GetShardRegionState(EntityKeys.CALL, probe.getRef()));
        return probe.receiveMessage().getShards().stream()
                .flatMap(shard -> shard.getEntityIds().stream())
                .collect(Collectors.toSet());
    }

    private void awaitResidentCalls(Set<String> expected) {
        testKit.createTestProbe().awaitAssert(Duration.ofSeconds(20), () -> {
            assertEquals(expected, residentCalls());
            assertEquals(expected.size(), handler.residentEntities());
            return null;
        });
    }

    private static CallInitiated initiate(String callId) {
        return new CallInitiated(SampleEvents.call(callId));
    }

    private static CallDisconnected hangUp(String callId) {
        return new CallDisconnected(
                SampleEvents.call(callId), new CallEnding(null, DisconnectCause.HANGUP, null, null));
    }
}
