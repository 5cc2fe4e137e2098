package io.switchboard.bench.memory;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.sharding.ShardRegion;
import akka.cluster.sharding.typed.GetShardRegionState;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import com.typesafe.config.Config;
import io.switchboard.adapters.http.json.VoiceChannel;
import io.switchboard.adapters.http.json.VoiceEventDecoder;
import io.switchboard.adapters.http.json.WebhookObjectMapper;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.application.port.in.HandleVoiceEventUseCase;
import io.switchboard.application.sharding.ClusterMembership;
import io.switchboard.application.sharding.ClusterReadiness;
import io.switchboard.application.sharding.EntityKeys;
import io.switchboard.application.sharding.EntityRegistration;
import io.switchboard.application.sharding.ShardedVoiceEventHandler;
import io.switchboard.bench.payloads.WebhookPayloads;
import io.switchboard.bootstrap.SwitchboardConfig;
import io.switchboard.bootstrap.demo.DemoConferenceFlow;
import io.switchboard.bootstrap.demo.DemoIvrFlow;
import io.switchboard.bootstrap.demo.DemoSettings;
import io.switchboard.domain.entity.ReplyOrigin;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ObjectName;

/**
 * How much heap an idle call costs. Starts the real sharding stack of the service in this JVM (one node, the
 * service's configuration, the demo flow), decodes one {@code initiate} per call from a Bandwidth-shaped body
 * and hands it to {@link ShardedVoiceEventHandler}, so each call's entity holds what it holds in production:
 * its state, its remembered reply, its idle timer. After every checkpoint it forces full collections and prints
 * the used heap against the heap before the first measured call, divided by the calls; at the end, the classes
 * that grew the most, per call.
 *
 * <p>{@code java -cp switchboard.jar:... IdleCallsMemory 100000 1000000}; {@code bench/memory.sh} runs it.
 */
public final class IdleCallsMemory {
    /** Calls started before measuring: every shard exists and every code path ran, so neither is counted. */
    private static final int WARM_UP_CALLS = 20_000;
    /** Initiates in flight at once: enough to keep both cores busy, few enough to stay far from the deadline. */
    private static final int IN_FLIGHT = 512;
    private static final int TOP_CLASSES = 40;

    private final ActorSystem<Void> system;
    private final HandleVoiceEventUseCase handler;
    private final VoiceEventDecoder decoder = new VoiceEventDecoder(WebhookObjectMapper.create());
    private final String initiate = WebhookPayloads.template("initiate");

    private IdleCallsMemory(ActorSystem<Void> system, HandleVoiceEventUseCase handler) {
        this.system = system;
        this.handler = handler;
    }

    public static void main(String[] args) throws Exception {
        int[] checkpoints = Arrays.stream(args).mapToInt(Integer::parseInt).sorted().toArray();
        if (checkpoints.length == 0 || checkpoints[0] <= 0) {
            System.err.println("usage: IdleCallsMemory CALLS... (e.g. 100000 1000000)");
            System.exit(2);
        }
        Config config = SwitchboardConfig.load();
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "switchboard", config);
        int status = 1;
        try {
            SwitchboardSettings settings = SwitchboardSettings.from(config);
            ClusterMembership.joinSelfUnlessSeeded(system);
            EntityRegistration.init(system, new DemoIvrFlow(DemoSettings.from(config)), new DemoConferenceFlow(),
                    settings);
            new IdleCallsMemory(system, new ShardedVoiceEventHandler(system, settings, List.of()))
                    .run(checkpoints, settings.entity().idleTimeout());
            status = 0;
        } finally {
            // A graceful leave would stop a million entities one by one; nothing here outlives the JVM anyway.
            System.exit(status);
        }
    }

    private void run(int[] checkpoints, Duration idleTimeout) throws Exception {
        awaitReady();
        System.out.printf("max heap %d MiB, idle timeout %s (no call passivates during the run)%n",
                Runtime.getRuntime().maxMemory() >> 20, idleTimeout);
        startCalls(0, WARM_UP_CALLS);
        long baseline = usedHeapAfterFullGc();
        Map<String, long[]> histogramBefore = classHistogram();
        System.out.printf("warm-up: %,d calls; used heap after GC %,d KiB (the baseline)%n",
                WARM_UP_CALLS, baseline >> 10);

        int started = 0;
        long startedAt = System.nanoTime();
        for (int calls : checkpoints) {
            startCalls(WARM_UP_CALLS + started, WARM_UP_CALLS + calls);
            started = calls;
            long used = usedHeapAfterFullGc();
            long resident = residentCallEntities();
            System.out.printf("RESULT calls=%d resident_entities=%d used_heap_kib=%d heap_per_call_bytes=%d"
                            + " elapsed_s=%.1f%n",
                    calls, resident, used >> 10, (used - baseline) / calls,
                    (System.nanoTime() - startedAt) / 1e9);
            if (resident != WARM_UP_CALLS + calls) {
                throw new IllegalStateException("expected " + (WARM_UP_CALLS + calls) + " resident calls, found "
                        + resident + ": some passivated or failed, so the figure would be wrong");
            }
        }
        printTopGrowth(histogramBefore, classHistogram(), started);
    }

    private void awaitReady() throws InterruptedException {
        ClusterReadiness readiness = new ClusterReadiness(system);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!readiness.isReady()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the node did not become an Up member within 60 s");
            }
            Thread.sleep(50);
        }
    }

    /** Sends the initiate of calls {@code from} (inclusive) to {@code to} and waits for every reply. */
    private void startCalls(int from, int to) throws InterruptedException {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        AtomicLong notFromFlow = new AtomicLong();
        for (int i = from; i < to; i++) {
            byte[] body = WebhookPayloads.fill(initiate, Map.of(
                    "callId", callId(i), "eventTime", "2026-11-25T10:00:00.000Z")).getBytes(StandardCharsets.UTF_8);
            inFlight.acquire();
            handler.handle(decoder.decode(VoiceChannel.INITIATE, body)).whenComplete((reply, failure) -> {
                if (failure != null || reply.origin() != ReplyOrigin.FLOW) {
                    notFromFlow.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(IN_FLIGHT);
        if (notFromFlow.get() > 0) {
            throw new IllegalStateException(notFromFlow.get() + " initiates were not answered by the flow"
                    + " (deadline missed or failed): the machine is too busy for this run to mean anything");
        }
    }

    /** A call id shaped like Bandwidth's ({@code c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85}), unique per i. */
    static String callId(int i) {
        return String.format("c-%08x-%08x-2cb0-4a07-b215-%012x", i * 2654435761L & 0xffffffffL, i, (long) i * 7919);
    }

    private static long usedHeapAfterFullGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private long residentCallEntities() throws Exception {
        ShardRegion.CurrentShardRegionState state = AskPattern.<akka.cluster.sharding.typed.ClusterShardingQuery,
                        ShardRegion.CurrentShardRegionState>ask(ClusterSharding.get(system).shardState(),
                        replyTo -> new GetShardRegionState(EntityKeys.CALL, replyTo), Duration.ofSeconds(30),
                        system.scheduler())
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
        return state.getShards().stream().mapToLong(shard -> shard.getEntityIds().size()).sum();
    }

    /** Live objects per class (a full GC first): class name → {instances, bytes}. */
    private static Map<String, long[]> classHistogram() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        Map<String, long[]> byClass = new HashMap<>();
        for (String line : histogram.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            // "  1:   123456   7890123  java.lang.String (java.base@17)"
            if (columns.length >= 4 && columns[0].endsWith(":")) {
                byClass.put(columns[3], new long[] {Long.parseLong(columns[1]), Long.parseLong(columns[2])});
            }
        }
        return byClass;
    }

    private static void printTopGrowth(Map<String, long[]> before, Map<String, long[]> after, int calls) {
        record Growth(String className, long instances, long bytes) {
        }
        List<Growth> growth = new ArrayList<>();
        after.forEach((className, counts) -> {
            long[] earlier = before.getOrDefault(className, new long[2]);
            growth.add(new Growth(className, counts[0] - earlier[0], counts[1] - earlier[1]));
        });
        growth.sort(Comparator.comparingLong(Growth::bytes).reversed());
        long total = growth.stream().mapToLong(Growth::bytes).sum();
        System.out.printf("%nWhere the bytes of one idle call go (live-object histogram, after minus before, / %,d"
                + " calls; %,d bytes per call in all):%n", calls, total / calls);
        System.out.printf("%12s %12s  %s%n", "bytes/call", "objects/call", "class");
        growth.stream().limit(TOP_CLASSES).forEach(g -> System.out.printf("%12.1f %12.2f  %s%n",
                (double) g.bytes() / calls, (double) g.instances() / calls, g.className()));

        Map<String, Long> byOwner = new TreeMap<>();
        growth.forEach(g -> byOwner.merge(owner(g.className()), g.bytes(), Long::sum));
        System.out.printf("%nBy owner (bytes per call):%n");
        byOwner.forEach((owner, bytes) -> System.out.printf("%12.1f  %s%n", (double) bytes / calls, owner));
    }

    /** Who a class's objects belong to, roughly: text, Switchboard's own objects, the actor runtime, the JDK. */
    private static String owner(String className) {
        if (className.equals("java.lang.String") || className.equals("[B")) {
            return "text (String and its bytes)";
        }
        if (className.startsWith("io.switchboard.")) {
            return "Switchboard objects (state, event, reply, entity shell)";
        }
        if (className.startsWith("akka.") || className.startsWith("[Lakka.") || className.startsWith("scala.")
                || className.startsWith("[Lscala.")) {
            return "Akka and Scala objects (actor cell, behaviors, timers, sharding)";
        }
        return "other JDK objects (maps, lists, times, lambdas)";
    }
}
