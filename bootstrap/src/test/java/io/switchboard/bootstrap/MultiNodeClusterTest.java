package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.cluster.sharding.ShardRegion;
import akka.cluster.sharding.typed.GetClusterShardingStats;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.typed.Cluster;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.application.sharding.EntityKeys;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three nodes in one JVM form a cluster through Cluster Bootstrap with config discovery (as
 * {@code scripts/cluster.sh} does), then answer any call's webhooks on any node, one entity per call, in order,
 * with the shards spread over every node.
 */
class MultiNodeClusterTest {
    private static final int NODES = 3;
    private static final String ADMIN_USER = "operator";
    private static final String ADMIN_PASSWORD = "cluster-admin-secret";
    private static final ObjectMapper json = new ObjectMapper();
    private static TestCluster cluster;

    @BeforeAll
    static void formThroughClusterBootstrap() throws Exception {
        // Config discovery needs the management ports before the nodes start: free ones, found just now.
        List<Integer> managementPorts = freePorts(NODES);
        String endpoints = managementPorts.stream()
                .map(port -> "{host = \"127.0.0.1\", port = " + port + "}")
                .collect(Collectors.joining(", ", "[", "]"));
        cluster = new TestCluster();
        try {
            cluster.addAll(managementPorts.stream()
                    .map(port -> """
                    switchboard.cluster.bootstrap = on
                    switchboard.admin.user = "%s"
                    switchboard.admin.password = "%s"
                    akka.management.http.port = %d
                    akka.discovery.method = config
                    akka.discovery.config.services.switchboard.endpoints = %s
                    akka.management.cluster.bootstrap.contact-point-discovery {
                      required-contact-point-nr = %d
                      stable-margin = 1s
                    }
                    """.formatted(ADMIN_USER, ADMIN_PASSWORD, port, endpoints, NODES))
                    .toList());
            cluster.awaitUpMembers(NODES);
            cluster.awaitShardRegions(NODES);
        } catch (Exception | AssertionError failure) {
            cluster.close();
            throw failure;
        }
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void everyNodeIsReadyOnBothPorts() throws Exception {
        for (RunningService node : cluster.nodes()) {
            assertEquals(200, node.get(node.uri("/health/ready")).statusCode());
            assertEquals(200, node.get(node.managementUri("/ready")).statusCode());
        }
    }

    @Test
    void eventsOfOneCallPostedToEachNodeInTurnAreHandledByOneEntityInOrder() throws Exception {
        List<String> sent = new ArrayList<>();
        for (int event = 1; event <= 9; event++) {
            String digit = String.valueOf(event);
            sent.add(digit);
            RunningService node = cluster.node(event % NODES);
            assertEquals(
                    java.util.Optional.of(sent),
                    TestCluster.gatheredDigits(TestCluster.gather(node, "c-across-nodes", digit)),
                    "the call's whole history after event " + event + ", posted to node " + event % NODES);
        }
    }

    @Test
    void anyNodesAdminApiShowsACallsTimelineAndTheClustersShape() throws Exception {
        for (String digit : List.of("4", "2")) {
            TestCluster.gather(cluster.node(1), "c-admin-view", digit);
        }
        RunningService asked = cluster.node(2);

        HttpResponse<String> call = asked.get(asked.uri("/admin/calls/c-admin-view"), ADMIN_USER, ADMIN_PASSWORD);
        assertEquals(200, call.statusCode(), call.body());
        JsonNode timeline = json.readTree(call.body()).path("timeline");
        assertEquals(2, timeline.size(), call.body());
        assertEquals("FLOW", timeline.get(1).path("origin").asText());
        assertTrue(timeline.get(1).path("reply").asText().contains("Digits: 4,2"), call.body());
        assertEquals(
                404,
                asked.get(asked.uri("/admin/calls/c-never-called"), ADMIN_USER, ADMIN_PASSWORD)
                        .statusCode());

        HttpResponse<String> shape = asked.get(asked.uri("/admin/cluster"), ADMIN_USER, ADMIN_PASSWORD);
        assertEquals(200, shape.statusCode(), shape.body());
        JsonNode nodes = json.readTree(shape.body()).path("nodes");
        assertEquals(NODES, nodes.size(), shape.body());
        for (JsonNode node : nodes) {
            assertEquals("Up", node.path("status").asText(), shape.body());
            assertTrue(node.path("reachable").asBoolean(), shape.body());
            assertTrue(node.path("shards").has("Call"), "every region answered: " + shape.body());
        }
    }

    @Test
    void aCallHandledOnTheSecondNodeIsListedByTheFirst() throws Exception {
        RunningService second = cluster.node(1);
        TestCluster.gather(second, "c-listed-across", "7");
        String secondAddress =
                Cluster.get(second.system()).selfMember().address().toString();
        RunningService first = cluster.node(0);

        TestProbe.create(first.system()).awaitAssert(Duration.ofSeconds(20), Duration.ofMillis(200), () -> {
            HttpResponse<String> listed =
                    first.get(first.uri("/admin/calls?id=c-listed-across"), ADMIN_USER, ADMIN_PASSWORD);
            assertEquals(200, listed.statusCode(), listed.body());
            JsonNode page = json.readTree(listed.body());
            assertEquals(NODES, page.path("nodes").asInt(), "every node's index answered: " + listed.body());
            JsonNode items = page.path("items");
            assertEquals(1, items.size(), listed.body());
            assertEquals("c-listed-across", items.get(0).path("id").asText());
            assertEquals(
                    "[\"" + secondAddress + "\"]", items.get(0).path("nodes").toString());
            return null;
        });
    }

    @Test
    void theFirstNodesLiveStreamCarriesEventsHandledOnTheThird() throws Exception {
        RunningService first = cluster.node(0);
        String basic = Base64.getEncoder()
                .encodeToString((ADMIN_USER + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(first.uri("/admin/events"))
                                .header("Authorization", "Basic " + basic)
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> stream.body()
                .filter(line -> line.contains("c-streamed-across"))
                .findFirst()
                .orElseThrow());
        try {
            // The subscription reaches the other nodes' topics by gossip: post until one event comes through.
            TestProbe.create(first.system()).awaitAssert(Duration.ofSeconds(20), Duration.ofMillis(500), () -> {
                TestCluster.gather(cluster.node(2), "c-streamed-across", "5");
                assertTrue(seen.isDone());
                return null;
            });
            String event = seen.get();
            assertTrue(event.startsWith("data:{"), event);
            assertTrue(
                    event.contains(Cluster.get(cluster.node(2).system())
                            .selfMember()
                            .address()
                            .toString()),
                    event);
        } finally {
            stream.body().close();
        }
    }

    @Test
    void shardsSpreadOverEveryNode() throws Exception {
        for (int call = 0; call < 60; call++) {
            assertTrue(
                    TestCluster.gatheredDigits(TestCluster.gather(cluster.node(call % NODES), "c-spread-" + call, "1"))
                            .isPresent());
        }
        TestProbe<ShardRegion.ClusterShardingStats> probe =
                TestProbe.create(cluster.node(0).system());
        probe.awaitAssert(Duration.ofSeconds(30), () -> {
            ClusterSharding.get(cluster.node(0).system())
                    .shardState()
                    .tell(new GetClusterShardingStats(EntityKeys.CALL, Duration.ofSeconds(10), probe.getRef()));
            Map<akka.actor.Address, ShardRegion.ShardRegionStats> regions =
                    probe.receiveMessage(Duration.ofSeconds(20)).getRegions();
            assertEquals(NODES, regions.size(), "a region on every node: " + regions.keySet());
            regions.forEach((address, region) ->
                    assertFalse(region.getStats().isEmpty(), "node " + address + " hosts call shards: " + regions));
            return null;
        });
    }
}
