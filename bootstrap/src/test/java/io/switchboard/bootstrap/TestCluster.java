package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.Address;
import akka.actor.ExtendedActorSystem;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.cluster.MemberStatus;
import akka.cluster.sharding.ShardRegion;
import akka.cluster.sharding.typed.GetClusterShardingStats;
import akka.cluster.sharding.typed.GetShardRegionState;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.cluster.typed.Cluster;
import akka.remote.RemoteActorRefProvider;
import akka.remote.transport.ThrottlerTransportAdapter;
import com.typesafe.config.Config;
import io.switchboard.adapters.bxml.BxmlReader;
import io.switchboard.application.sharding.EntityKeys;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.call.Recording;
import io.switchboard.domain.call.RecordingCompleted;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.conference.ConferenceMemberJoined;
import io.switchboard.domain.conference.ConferenceState;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.verb.Pause;
import io.switchboard.domain.verb.Redirect;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.SpeakSentence;
import io.switchboard.domain.verb.Verb;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import scala.jdk.javaapi.FutureConverters;

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

    /** Enough holds at the crash tests' 2 s reply deadline to outlast their downing and the shards' move. */
    static final int MAX_HOLDS = 15;

    /**
     * Failure detection and downing for crash tests, much quicker than production's (the resolver's default
     * stable-after is 20 s), and a short reply deadline, so each try of an orphaned call costs little. The
     * detector still allows a 3 s pause, which a busy 2-core machine needs between healthy nodes.
     */
    static final String FAST_DOWNING = """
            akka.remote.artery.advanced.test-mode = on
            akka.cluster.failure-detector.heartbeat-interval = 1s
            akka.cluster.failure-detector.acceptable-heartbeat-pause = 3s
            akka.cluster.split-brain-resolver.stable-after = 3s
            switchboard.reply-deadline = 2s
            switchboard.entity.flow-timeout = 1800ms
            switchboard.hold.max-holds-per-call = %d
            """.formatted(TestCluster.MAX_HOLDS);
    /**
     * Beyond detection, stability and one reply deadline: gossip of the downing, removal, the shards'
     * reallocation, on a machine where other builds compete for the 2 cores.
     */
    private static final Duration RECOVERY_ALLOWANCE = Duration.ofSeconds(15);

    private static final BxmlReader bxml = new BxmlReader();
    private static final AtomicLong eventSeconds = new AtomicLong();

    final HistoryFlow flow = new HistoryFlow();
    final MembersFlow conferenceFlow = new MembersFlow();
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
            cluster.awaitShardRegions(size);
            return cluster;
        } catch (Exception | AssertionError failure) {
            cluster.close();
            throw failure;
        }
    }

    RunningService add(String config) throws Exception {
        RunningService node = RunningService.start(NODE_CONFIG + config, flow, conferenceFlow);
        nodes.add(node);
        return node;
    }

    /** Starts a node per config, all at once, as nodes of a new deployment do. */
    void addAll(List<String> configs) throws Exception {
        List<CompletableFuture<RunningService>> starting = configs.stream()
                .map(config -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return RunningService.start(NODE_CONFIG + config, flow, conferenceFlow);
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
                List<MemberStatus> statuses = StreamSupport.stream(
                                cluster.state().getMembers().spliterator(), false)
                        .map(member -> member.status())
                        .toList();
                assertEquals(
                        size,
                        statuses.stream().filter(MemberStatus.up()::equals).count(),
                        "Up members seen by " + cluster.selfMember().address() + ": " + statuses);
            }
            return null;
        });
    }

    /**
     * Waits until sharding's coordinator knows a call region and a conference region on each of {@code size} nodes.
     * A node is Up before its regions have registered; until they have, every new shard goes to the other nodes.
     */
    void awaitShardRegions(int size) {
        TestProbe<ShardRegion.ClusterShardingStats> probe =
                TestProbe.create(nodes.get(0).system());
        probe.awaitAssert(FORMATION_DEADLINE, Duration.ofMillis(200), () -> {
            for (EntityTypeKey<VoiceEntity.Command> key : List.of(EntityKeys.CALL, EntityKeys.CONFERENCE)) {
                ClusterSharding.get(nodes.get(0).system())
                        .shardState()
                        .tell(new GetClusterShardingStats(key, Duration.ofSeconds(5), probe.getRef()));
                Set<Address> regions = probe.receiveMessage(Duration.ofSeconds(10))
                        .getRegions()
                        .keySet();
                assertEquals(size, regions.size(), key.name() + " regions the coordinator knows: " + regions);
            }
            return null;
        });
    }

    /** The ids of the calls whose entities are active on {@code node} now. */
    static Set<String> callsHostedBy(RunningService node) {
        return entitiesHostedBy(node, EntityKeys.CALL);
    }

    /** The ids of the entities of type {@code key} active on {@code node} now. */
    static Set<String> entitiesHostedBy(RunningService node, EntityTypeKey<VoiceEntity.Command> key) {
        TestProbe<ShardRegion.CurrentShardRegionState> probe = TestProbe.create(node.system());
        ClusterSharding.get(node.system()).shardState().tell(new GetShardRegionState(key, probe.getRef()));
        return probe.receiveMessage(Duration.ofSeconds(20)).getShards().stream()
                .flatMap(shard -> shard.getEntityIds().stream())
                .collect(Collectors.toSet());
    }

    /** Posts a gather of {@code digits} for {@code callId} to {@code node}; each event distinct by its time. */
    static HttpResponse<String> gather(RunningService node, String callId, String digits) throws Exception {
        return node.post("/voice/gather", gatherBody(callId, digits));
    }

    /** A gather of {@code digits} for {@code callId}, distinct from every other by its time. */
    static String gatherBody(String callId, String digits) {
        return """
                {"eventType": "gather", "callId": "%s", "digits": "%s", "eventTime": "%s"}
                """.formatted(callId, digits, nextEventTime());
    }

    /** The redirect event Bandwidth sends once it has followed a {@code <Redirect>} of {@code callId}. */
    static String redirectBody(String callId) {
        return """
                {"eventType": "redirect", "callId": "%s", "eventTime": "%s"}
                """.formatted(callId, nextEventTime());
    }

    private static String nextEventTime() {
        long second = eventSeconds.getAndIncrement();
        return "2026-11-25T%02d:%02d:%02dZ".formatted(second / 3600 % 24, second / 60 % 60, second % 60);
    }

    /** How a held call came back: the holds it got, and the reply that was no hold. */
    record AfterHolds(int holds, HttpResponse<String> reply) {}

    /**
     * Follows the holds that begin with {@code first}, as Bandwidth does: after each, the call's redirect is posted
     * to {@code node} (at once; Bandwidth would play the pause first), until a reply is no hold, or past
     * {@link #MAX_HOLDS}.
     */
    static AfterHolds followHolds(RunningService node, String callId, HttpResponse<String> first) throws Exception {
        HttpResponse<String> reply = first;
        int holds = 0;
        while (isHold(reply) && holds <= MAX_HOLDS) {
            holds++;
            reply = node.post("/voice/redirect", redirectBody(callId));
        }
        return new AfterHolds(holds, reply);
    }

    /**
     * Whether a reply holds the call on the line: a pause, then a redirect back to this service's redirect
     * channel, where the caller's held event is answered.
     */
    static boolean isHold(HttpResponse<String> reply) {
        if (reply.statusCode() != 200 || reply.body().isEmpty()) {
            return false;
        }
        List<Verb> verbs = bxml.read(reply.body()).verbs();
        return verbs.size() == 2
                && verbs.get(0) instanceof Pause
                && verbs.get(1) instanceof Redirect redirect
                && redirect.redirect().url().endsWith("/voice/redirect");
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
        if (response.verbs().size() != 1
                || !(response.verbs().get(0) instanceof SpeakSentence speech)
                || !speech.text().startsWith(HistoryFlow.PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(Arrays.asList(
                speech.text().substring(HistoryFlow.PREFIX.length()).split(",")));
    }

    /**
     * Failure detection, the resolver's stable-after before it downs the node, the removal margin before the
     * node's shards are allocated elsewhere (the resolver's stable-after again, unless set), one reply deadline
     * for the try that sees it, plus the allowance.
     */
    static Duration crashRecoveryBound(Config config) {
        Duration stableAfter = config.getDuration("akka.cluster.split-brain-resolver.stable-after");
        Duration removalMargin =
                config.getString("akka.cluster.down-removal-margin").equals("off")
                        ? stableAfter
                        : config.getDuration("akka.cluster.down-removal-margin");
        return config.getDuration("akka.cluster.failure-detector.acceptable-heartbeat-pause")
                .plus(stableAfter)
                .plus(removalMargin)
                .plus(config.getDuration("switchboard.reply-deadline"))
                .plus(RECOVERY_ALLOWANCE);
    }

    /** Drops everything between {@code node} and the others, both ways, as a crashed host or a cut cable does. */
    void cutOffFromTheOthers(RunningService node) throws Exception {
        for (RunningService other : nodes) {
            if (other != node) {
                blackhole(node, other);
                blackhole(other, node);
            }
        }
    }

    private static void blackhole(RunningService from, RunningService to) throws Exception {
        RemoteActorRefProvider provider =
                (RemoteActorRefProvider) ((ExtendedActorSystem) from.system().classicSystem()).provider();
        Address address = Cluster.get(to.system()).selfMember().address();
        FutureConverters.asJava(provider.transport()
                        .managementCommand(new ThrottlerTransportAdapter.SetThrottle(
                                address, BOTH_WAYS, ThrottlerTransportAdapter.Blackhole$.MODULE$)))
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    /** Scala's {@code Direction.Both}; javac cannot name a case object nested in an object, so it is looked up. */
    private static final ThrottlerTransportAdapter.Direction BOTH_WAYS =
            scalaObject("akka.remote.transport.ThrottlerTransportAdapter$Direction$Both$");

    @SuppressWarnings("unchecked")
    private static <T> T scalaObject(String className) {
        try {
            return (T) Class.forName(className).getField("MODULE$").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Akka's " + className + " is gone", e);
        }
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
     * Says back every digit the call gathered, in order ({@code "Digits: 1,2,3"}), and on a completed recording
     * every recording it has ({@code "Recordings: r-1,r-2"}): the call's history out loud. Counts its runs per
     * call. Answers a gather after a short simulated lookup, so that a node leaving finds flows at work. Calls
     * named {@code c-held-*} wait for {@link #release}.
     */
    static final class HistoryFlow implements CallFlow {
        static final String PREFIX = "Digits: ";
        static final String RECORDINGS = "Recordings: ";
        private static final long LOOKUP_MILLIS = 20;

        final CompletableFuture<Void> heldCallEntered = new CompletableFuture<>();
        private final CompletableFuture<Void> release = new CompletableFuture<>();
        private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

        /** How many times the flow ran for {@code callId}, on any node. */
        int runs(String callId) {
            return runs.getOrDefault(callId, new AtomicInteger()).get();
        }

        @Override
        public Reply onRecordingComplete(RecordingCompleted event, CallState call) {
            ran(event.callId().value());
            return Response.builder()
                    .speakSentence(RECORDINGS
                            + call.recordings().stream()
                                    .map(Recording::recordingId)
                                    .collect(Collectors.joining(",")))
                    .build();
        }

        private void ran(String callId) {
            runs.computeIfAbsent(callId, id -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public Reply onGather(GatherCompleted event, CallState call) {
            ran(event.callId().value());
            Response answer = Response.builder()
                    .speakSentence(PREFIX + String.join(",", call.gatheredDigits()))
                    .build();
            if (event.callId().value().startsWith("c-held-")) {
                heldCallEntered.complete(null);
                return Reply.later(release.thenApply(released -> answer));
            }
            return Reply.later(CompletableFuture.supplyAsync(
                    () -> answer,
                    CompletableFuture.delayedExecutor(LOOKUP_MILLIS, TimeUnit.MILLISECONDS, Runnable::run)));
        }

        void release() {
            release.complete(null);
        }
    }

    /** Says back the conference's members when one joins ({@code "Members: c-a,c-b"}). */
    static final class MembersFlow implements ConferenceFlow {
        static final String PREFIX = "Members: ";

        @Override
        public Reply onMemberJoin(ConferenceMemberJoined event, ConferenceState conference) {
            return Response.builder()
                    .speakSentence(PREFIX
                            + conference.members().stream()
                                    .map(member -> member.callId().value())
                                    .collect(Collectors.joining(",")))
                    .build();
        }
    }

    /** What the flow said, when it was the flow that answered with one sentence; empty otherwise. */
    static Optional<String> spoken(HttpResponse<String> reply) {
        if (reply.statusCode() != 200 || reply.body().isEmpty()) {
            return Optional.empty();
        }
        Response response = bxml.read(reply.body());
        return response.verbs().size() == 1 && response.verbs().get(0) instanceof SpeakSentence speech
                ? Optional.of(speech.text())
                : Optional.empty();
    }
}
