package io.switchboard.application.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.Address;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import io.switchboard.application.OneNodeCluster;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node whose number of shards is not the cluster's is refused when it joins (Akka's own check for typed sharding),
 * and stops; one whose number is, joins. An entity's shard follows from its id and that number: two nodes that
 * disagreed would each start the same call, in journal mode two writers of one journal. The service's default
 * number may change between versions ({@code docs/operations.md}, "Sizing"), so this is what a rolling update
 * from a version with another default meets.
 */
class ShardCountCompatibilityTest {
    private final ActorTestKit first = node(200);
    private ActorTestKit newcomer;

    private static ActorTestKit node(int shards) {
        return node(shards, "");
    }

    private static ActorTestKit node(int shards, String config) {
        return OneNodeCluster.testKit("akka.cluster.sharding.number-of-shards = " + shards + "\n" + config);
    }

    @AfterEach
    void stop() {
        if (newcomer != null) {
            newcomer.shutdownTestKit();
        }
        first.shutdownTestKit();
    }

    /** The first node forms the cluster; the newcomer is configured to join it as the service's nodes are: as seed. */
    private ActorTestKit newcomerWith(int shards) {
        Address seed = Cluster.get(first.system()).selfMember().address();
        Cluster.get(first.system()).manager().tell(new Join(seed));
        return node(shards, "akka.cluster.seed-nodes = [\"" + seed + "\"]");
    }

    @Test
    void aNodeWithAnotherNumberOfShardsIsRefusedAndStops() throws Exception {
        newcomer = newcomerWith(100);

        newcomer.system().getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertEquals(
                1,
                Cluster.get(first.system()).state().getMembers().spliterator().estimateSize());
    }

    @Test
    void aNodeWithTheSameNumberOfShardsJoins() {
        newcomer = newcomerWith(200);

        TestProbe<Object> probe = first.createTestProbe();
        probe.awaitAssert(Duration.ofSeconds(30), () -> {
            assertEquals(
                    MemberStatus.up(),
                    Cluster.get(newcomer.system()).selfMember().status());
            return null;
        });
    }
}
