package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.Address;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.cluster.Member;
import akka.cluster.typed.Cluster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Losing a node of a three-node cluster: gracefully (it leaves while webhooks keep coming) or by a crash (its
 * network is cut; the Split Brain Resolver downs it). Each test has a cluster of its own, formed from seed nodes.
 */
class NodeLossTest {
    private static final int NODES = 3;
    private static final int CALLS = 30;
    private static final int WORKERS = 3;

    private static final Duration TRAFFIC_DEADLINE = Duration.ofSeconds(120);

    private TestCluster cluster;

    @AfterEach
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** One webhook of the steady stream, as the client saw it. */
    private record Exchange(
            String callId,
            String digit,
            long startedNanos,
            long endedNanos,
            int status,
            Optional<List<String>> history) {}

    @Test
    void aNodeThatLeavesDuringSteadyTrafficFailsNoRequest() throws Exception {
        cluster = TestCluster.ofSeededNodes(NODES, "");
        RunningService leaving = cluster.node(2);
        List<RunningService> staying = List.of(cluster.node(0), cluster.node(1));
        for (int call = 0; call < CALLS; call++) {
            assertTrue(TestCluster.gatheredDigits(TestCluster.gather(staying.get(call % 2), "c-leave-" + call, "0"))
                    .isPresent());
        }
        Set<String> callsOnLeavingNode = TestCluster.callsHostedBy(leaving);
        assertFalse(callsOnLeavingNode.isEmpty(), "the leaving node hosts some of the calls");

        // A webhook in flight on the leaving node's own port when it starts to leave: it must still be answered.
        CompletableFuture<HttpResponse<String>> heldReply =
                CompletableFuture.supplyAsync(() -> post(leaving, "c-held-1", "5"));
        cluster.flow.heldCallEntered.get(30, TimeUnit.SECONDS);

        List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch trafficFlowing = new CountDownLatch(2 * WORKERS);
        // Every call that moved, answered after the node left: a count of webhooks alone could all come from
        // workers whose calls stayed, while the worker of a moved call waits for its event to be sent again.
        Set<String> movedCallsAnsweredAfterLeaving = ConcurrentHashMap.newKeySet();
        CountDownLatch trafficAfterLeaving = new CountDownLatch(callsOnLeavingNode.size());
        AtomicBoolean stopTraffic = new AtomicBoolean();
        AtomicLong leftAt = new AtomicLong(Long.MAX_VALUE);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> running = new ArrayList<>();
        for (int worker = 0; worker < WORKERS; worker++) {
            int first = worker;
            running.add(workers.submit(() -> {
                long giveUpAt = System.nanoTime() + TRAFFIC_DEADLINE.toNanos();
                // Each worker owns every WORKERS-th call and posts to it in turn, so a call's events are sequential.
                for (int round = 1; !stopTraffic.get() && System.nanoTime() < giveUpAt; round++) {
                    for (int call = first; call < CALLS && !stopTraffic.get(); call += WORKERS) {
                        String callId = "c-leave-" + call;
                        String digit = String.valueOf(round % 10);
                        long started = System.nanoTime();
                        Exchange exchange = exchange(staying.get((call + round) % 2), callId, digit);
                        exchanges.add(exchange);
                        trafficFlowing.countDown();
                        if (started > leftAt.get()
                                && callsOnLeavingNode.contains(callId)
                                && movedCallsAnsweredAfterLeaving.add(callId)) {
                            trafficAfterLeaving.countDown();
                        }
                    }
                }
                return null;
            }));
        }
        try {
            assertTrue(trafficFlowing.await(60, TimeUnit.SECONDS), "traffic flows before the node leaves");
            long leaveStarted = System.nanoTime();
            CompletableFuture<?> left = leaving.stop().toCompletableFuture();

            // The leaving node stops taking connections first, then waits for the webhook in flight.
            TestProbe.create(cluster.node(0).system()).awaitAssert(Duration.ofSeconds(30), () -> {
                assertFalse(accepts(leaving.uri("/").getPort()), "the leaving node no longer accepts connections");
                return null;
            });
            cluster.flow.release();
            HttpResponse<String> held = heldReply.get(30, TimeUnit.SECONDS);
            assertEquals(
                    Optional.of(List.of("5")),
                    TestCluster.gatheredDigits(held),
                    "the webhook in flight was answered by the flow: " + held.statusCode() + " " + held.body());

            left.get(60, TimeUnit.SECONDS);
            leftAt.set(System.nanoTime());
            assertTrue(
                    trafficAfterLeaving.await(60, TimeUnit.SECONDS),
                    "every moved call answered after the node left: " + movedCallsAnsweredAfterLeaving + " of "
                            + callsOnLeavingNode);
            stopTraffic.set(true);
            for (Future<?> worker : running) {
                worker.get(60, TimeUnit.SECONDS);
            }

            List<Exchange> all = List.copyOf(exchanges);
            List<Exchange> failed = all.stream()
                    .filter(exchange -> !answeredInOrder(exchange, all))
                    .toList();
            assertEquals(List.of(), failed, "every webhook answered by the flow, with its call's events in order");
            long duringLeave = all.stream()
                    .filter(exchange -> exchange.endedNanos() > leaveStarted && exchange.startedNanos() < leftAt.get())
                    .count();
            assertTrue(duringLeave > 0, "webhooks were answered while the node was leaving");
            long movedCallsAnswered = all.stream()
                    .filter(exchange ->
                            callsOnLeavingNode.contains(exchange.callId()) && exchange.startedNanos() > leftAt.get())
                    .count();
            assertTrue(movedCallsAnswered > 0, "the calls of the node that left are answered where they moved");
            System.out.printf(
                    "graceful leave: %d webhooks, %d of them while the node left (%d ms), none failed%n",
                    all.size(), duringLeave, TimeUnit.NANOSECONDS.toMillis(leftAt.get() - leaveStarted));
        } finally {
            stopTraffic.set(true);
            cluster.flow.release();
            workers.shutdownNow();
        }
    }

    /**
     * Answered by the flow, with a history that ends with this event's digit and holds nothing the call was not
     * sent: what a moved call remembers starts where it restarted (in memory, a moved entity starts afresh).
     */
    private static boolean answeredInOrder(Exchange exchange, List<Exchange> all) {
        if (exchange.status() != 200 || exchange.history().isEmpty()) {
            return false;
        }
        List<String> history = exchange.history().get();
        List<String> sentSoFar = new ArrayList<>(List.of("0"));
        all.stream()
                .filter(other ->
                        other.callId().equals(exchange.callId()) && other.startedNanos() <= exchange.startedNanos())
                .sorted(java.util.Comparator.comparingLong(Exchange::startedNanos))
                .forEach(other -> sentSoFar.add(other.digit()));
        return history.equals(sentSoFar.subList(sentSoFar.size() - history.size(), sentSoFar.size()));
    }

    @Test
    void aCrashedNodesCallsAreHeldOnTheLineUntilTheirShardsMoveThenAnsweredByTheFlow() throws Exception {
        cluster = TestCluster.ofSeededNodes(NODES, TestCluster.FAST_DOWNING);
        RunningService crashing = cluster.node(2);
        RunningService survivor = cluster.node(0);
        for (int call = 0; call < CALLS; call++) {
            assertTrue(TestCluster.gatheredDigits(TestCluster.gather(cluster.node(call % 2), "c-crash-" + call, "0"))
                    .isPresent());
        }
        Set<String> orphans = TestCluster.callsHostedBy(crashing);
        assertFalse(orphans.isEmpty(), "the crashing node hosts some of the calls");
        List<String> survivingCalls = IntStream.range(0, CALLS)
                .mapToObj(call -> "c-crash-" + call)
                .filter(callId -> !orphans.contains(callId))
                .limit(WORKERS)
                .toList();
        Address crashed = Cluster.get(crashing.system()).selfMember().address();
        Duration bound =
                TestCluster.crashRecoveryBound(survivor.system().settings().config());

        long cutAt = System.nanoTime();
        cluster.cutOffFromTheOthers(crashing);
        // Every caller of the lost node presses 9 while its node is gone, and the other calls carry on meanwhile.
        ExecutorService callers = Executors.newFixedThreadPool(orphans.size() + WORKERS);
        try {
            AtomicBoolean orphansAnswered = new AtomicBoolean();
            List<Future<Integer>> others = new ArrayList<>();
            for (String callId : survivingCalls) {
                others.add(callers.submit(() -> steadyCall(survivor, callId, orphansAnswered)));
            }
            List<Future<HeldCall>> held = new ArrayList<>();
            for (String orphan : orphans) {
                held.add(callers.submit(() -> holdUntilAnswered(survivor, orphan, cutAt)));
            }
            List<HeldCall> results = new ArrayList<>();
            for (Future<HeldCall> call : held) {
                results.add(call.get(bound.multipliedBy(2).toSeconds(), TimeUnit.SECONDS));
            }
            orphansAnswered.set(true);
            for (Future<Integer> steady : others) {
                assertTrue(steady.get(60, TimeUnit.SECONDS) > 0, "the other calls were answered meanwhile");
            }
            for (HeldCall call : results) {
                assertTrue(call.holds() > 0, call.callId() + " was held while unreachable");
                assertTrue(
                        call.holds() <= TestCluster.MAX_HOLDS,
                        call.callId() + " held at most " + TestCluster.MAX_HOLDS + " times");
                assertEquals(
                        Optional.of(List.of("9")),
                        TestCluster.gatheredDigits(call.answer()),
                        call.callId() + ": the redirect after the holds got the flow's answer to the held gather (in "
                                + "memory, the crashed node's call state is lost), not the apology: "
                                + call.answer().statusCode() + " "
                                + call.answer().body());
                assertTrue(
                        call.window().compareTo(bound) <= 0,
                        call.callId() + " answered again within " + bound + ", took " + call.window());
                // Bandwidth retrying the gather that was held gets the flow's answer to it, not a hold.
                assertEquals(
                        Optional.of(List.of("9")),
                        TestCluster.gatheredDigits(survivor.post("/voice/gather", call.heldGather())),
                        "a retry of the held gather is answered as the flow answered it");
            }
            System.out.printf(
                    "crash: %d calls of the lost node held %s times, answered by the flow %s ms after the cut "
                            + "(bound %d ms)%n",
                    results.size(),
                    results.stream().map(HeldCall::holds).sorted().toList(),
                    results.stream()
                            .map(call -> call.window().toMillis())
                            .sorted()
                            .toList(),
                    bound.toMillis());
        } finally {
            callers.shutdownNow();
        }
        TestProbe.create(survivor.system()).awaitAssert(bound, () -> {
            assertTrue(
                    StreamSupport.stream(
                                    Cluster.get(survivor.system())
                                            .state()
                                            .getMembers()
                                            .spliterator(),
                                    false)
                            .map(Member::address)
                            .noneMatch(crashed::equals),
                    "the crashed node was removed");
            return null;
        });
        // On its side of the cut it is the minority: the resolver downs it there too, and it shuts down.
        crashing.system().getWhenTerminated().toCompletableFuture().get(bound.toSeconds(), TimeUnit.SECONDS);
    }

    /** A call of the lost node: the gather it held, how often, and the reply that ended the holds. */
    private record HeldCall(
            String callId, String heldGather, int holds, Duration window, HttpResponse<String> answer) {}

    /**
     * Posts a gather of 9 for {@code callId}, then, as Bandwidth does after each hold's pause, its redirect, until a
     * reply is no hold; the window runs from the cut.
     */
    private static HeldCall holdUntilAnswered(RunningService node, String callId, long cutAt) throws Exception {
        String gather = TestCluster.gatherBody(callId, "9");
        TestCluster.AfterHolds afterHolds = TestCluster.followHolds(node, callId, node.post("/voice/gather", gather));
        return new HeldCall(
                callId, gather, afterHolds.holds(), Duration.ofNanos(System.nanoTime() - cutAt), afterHolds.reply());
    }

    /** Gathers on a call of a surviving node until {@code done}; how many the flow answered, failing on any other. */
    private static int steadyCall(RunningService node, String callId, AtomicBoolean done) throws Exception {
        int answered = 0;
        while (!done.get()) {
            HttpResponse<String> reply = TestCluster.gather(node, callId, "1");
            assertTrue(
                    TestCluster.gatheredDigits(reply).isPresent(),
                    callId + " answered by the flow: " + reply.statusCode() + " " + reply.body());
            answered++;
        }
        return answered;
    }

    /** One webhook; a request that fails outright (no HTTP answer) is recorded with status -1. */
    private static Exchange exchange(RunningService node, String callId, String digit) {
        long started = System.nanoTime();
        int status = -1;
        Optional<List<String>> history = Optional.empty();
        try {
            HttpResponse<String> reply = TestCluster.gather(node, callId, digit);
            status = reply.statusCode();
            history = TestCluster.gatheredDigits(reply);
        } catch (Exception noAnswer) {
            System.out.printf("webhook for %s got no answer: %s%n", callId, noAnswer);
        }
        return new Exchange(callId, digit, started, System.nanoTime(), status, history);
    }

    private static HttpResponse<String> post(RunningService node, String callId, String digit) {
        try {
            return TestCluster.gather(node, callId, digit);
        } catch (Exception e) {
            throw new IllegalStateException("webhook for " + callId + " failed", e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
