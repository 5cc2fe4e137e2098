package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.Address;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.cluster.MemberStatus;
import akka.cluster.sharding.ShardRegion;
import akka.cluster.sharding.typed.GetShardRegionState;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.typed.Cluster;
import io.switchboard.adapters.bxml.BxmlReader;
import io.switchboard.application.sharding.EntityKeys;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.SpeakSentence;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Several Switchboard nodes in this JVM, on free ports of 127.0.0.1, forming one cluster; each started with the
 * real wiring ({@link SwitchboardService}) and a flow that says back the digits its call has gathered.
 */
final class TestCluster implements AutoCloseable {
    /** Generous for a loaded 2-core machine, yet bounded. */
    static final Duration FORMATION_DEADLINE = Duration.ofSeconds(60);
    static final Duration STOP_DEADLINE = Duration.ofSeconds(60);

    /** Every node: quiet logs, and reply deadlines a busy machine meets, so any fallback is a real failure. */
    static final String NODE_CONFIG = """
            akka.loglevel = WARNING
            switchboard.reply-deadline = 10s
            switchboard.entity.flow-timeout = 9s
            akka.http.server.request-timeout = 20s
            """;

    private static final BxmlReader bxml = new BxmlReader();
    private static final AtomicLong eventSeconds = new AtomicLong();

    final HistoryFlow flow = new HistoryFlow();
    private final List<RunningService> nodes = new ArrayList<>();

    /** A cluster of {@code size} nodes: the first joins itself, the others join it as their seed. */
    static TestCluster ofSeededNodes(int size, String config) throws Exception {
        TestCluster cluster = new TestCluster();
        try {
            RunningService first = cluster.add(config);
            Address seed = Cluster.get(first.system()).selfMember().address();
            for (int i = 1; i < size; i++) {
                cluster.add(config + "\nakka.cluster.seed-nodes = [\"" + seed + "\"]");
            }
            cluster.awaitUpMembers(size);
            return cluster;
        } catch (Exception | AssertionError failure) {
            cluster.close();
            throw failure;
        }
    }

    RunningService add(String config) throws Exception {
        RunningService node = RunningService.start(NODE_CONFIG + config, flow, new ConferenceFlow() { });
        nodes.add(node);
        return node;
    }

    /** Starts a node per config, all at once, as nodes of a new deployment do. */
    void addAll(List<String> configs) throws Exception {
        List<CompletableFuture<RunningService>> starting = configs.stream()
                .map(config -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return RunningService.start(NODE_CONFIG + config, flow, new ConferenceFlow() { });
                    } catch (Exception e) {
                        throw new IllegalStateException("node did not start", e);
                    }
                }))
                .toList();
        for (CompletableFuture<RunningService> node : starting) {
            nodes.add(node.get(FORMATION_DEADLINE.toSeconds(), TimeUnit.SECONDS));
        }
    }

    RunningService node(int index) {
        return nodes.get(index);
    }

    List<RunningService> nodes() {
        return List.copyOf(nodes);
    }

    /** Waits until every running node sees {@code size} members, all of them Up. */
    void awaitUpMembers(int size) {
        TestProbe.create(nodes.get(0).system()).awaitAssert(FORMATION_DEADLINE, Duration.ofMillis(200), () -> {
            for (RunningService node : nodes) {
                Cluster cluster = Cluster.get(node.system());
                List<MemberStatus> statuses = StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
                        .map(member -> member.status()).toList();
                assertEquals(size, statuses.stream().filter(MemberStatus.up()::equals).count(),
                        "Up members seen by " + cluster.selfMember().address() + ": " + statuses);
            }
            return null;
        });
    }

    /** The ids of the calls whose entities are active on {@code node} now. */
    static Set<String> callsHostedBy(RunningService node) {
        TestProbe<ShardRegion.CurrentShardRegionState> probe = TestProbe.create(node.system());
        ClusterSharding.get(node.system()).shardState()
                .tell(new GetShardRegionState(EntityKeys.CALL, probe.getRef()));
        return probe.receiveMessage(Duration.ofSeconds(20)).getShards().stream()
                .flatMap(shard -> shard.getEntityIds().stream())
                .collect(Collectors.toSet());
    }

    /** Posts a gather of {@code digits} for {@code callId} to {@code node}; each event distinct by its time. */
    static HttpResponse<String> gather(RunningService node, String callId, String digits) throws Exception {
        long second = eventSeconds.getAndIncrement();
        return node.post("/voice/gather", """
                {"eventType": "gather", "callId": "%s", "digits": "%s", "eventTime": "2026-11-25T%02d:%02d:%02dZ"}
                """.formatted(callId, digits, second / 3600 % 24, second / 60 % 60, second % 60));
    }

    /**
     * The digits a reply says the call has gathered, when the flow answered; empty when it is anything else
     * (a fallback apology, an error status).
     */
    static Optional<List<String>> gatheredDigits(HttpResponse<String> reply) {
        if (reply.statusCode() != 200 || reply.body().isEmpty()) {
            return Optional.empty();
        }
        Response response = bxml.read(reply.body());
        if (response.verbs().size() != 1 || !(response.verbs().get(0) instanceof SpeakSentence speech)
                || !speech.text().startsWith(HistoryFlow.PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(Arrays.asList(speech.text().substring(HistoryFlow.PREFIX.length()).split(",")));
    }

    @Override
    public void close() throws Exception {
        // All at once: a node that leaves waits for the others to see it go.
        CompletableFuture<?>[] stops = nodes.stream()
                .filter(node -> !node.isTerminated())
                .map(node -> node.stop().toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(stops).get(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Says back every digit the call gathered, in order ({@code "Digits: 1,2,3"}): the call's history out loud.
     * Answers after a short simulated lookup, so that a node leaving finds flows at work. Calls named
     * {@code c-held-*} wait for {@link #release}.
     */
    static final class HistoryFlow implements CallFlow {
        static final String PREFIX = "Digits: ";
        private static final long LOOKUP_MILLIS = 20;

        final CompletableFuture<Void> heldCallEntered = new CompletableFuture<>();
        private final CompletableFuture<Void> release = new CompletableFuture<>();

        @Override
        public Reply onGather(GatherCompleted event, CallState call) {
            Response answer = Response.builder().speak(PREFIX + String.join(",", call.gatheredDigits())).build();
            if (event.callId().value().startsWith("c-held-")) {
                heldCallEntered.complete(null);
                return Reply.later(release.thenApply(released -> answer));
            }
            return Reply.later(CompletableFuture.supplyAsync(() -> answer,
                    CompletableFuture.delayedExecutor(LOOKUP_MILLIS, TimeUnit.MILLISECONDS, Runnable::run)));
        }

        void release() {
            release.complete(null);
        }
    }
}
