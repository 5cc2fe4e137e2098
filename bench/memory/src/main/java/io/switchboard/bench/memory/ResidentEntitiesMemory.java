package io.switchboard.bench.memory;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.sharding.ShardRegion;
import akka.cluster.sharding.typed.GetShardRegionState;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
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
import io.switchboard.application.sharding.ParkedEntities;
import io.switchboard.application.sharding.ShardedVoiceEventHandler;
import io.switchboard.bench.payloads.WebhookPayloads;
import io.switchboard.bootstrap.SwitchboardConfig;
import io.switchboard.bootstrap.demo.DemoConferenceFlow;
import io.switchboard.bootstrap.demo.DemoIvrFlow;
import io.switchboard.bootstrap.demo.DemoSettings;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.VoiceEntity;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ObjectName;

/**
 * How much heap a resident call or conference costs. Starts the real sharding stack of the service in this JVM
 * (one node, the service's configuration, the demo flow), decodes the events of a {@link Shape} per entity from
 * Bandwidth-shaped bodies and hands them to {@link ShardedVoiceEventHandler}, so each entity holds what it holds
 * in production: its state, its remembered replies; resident, its actor and timers; once idle for park-after, its
 * parked memory (every checkpoint waits until all are parked). After every checkpoint it forces full
 * collections and prints the used heap against the heap before the first measured entity, divided by the
 * entities; at the end, the classes that grew the most, per entity.
 *
 * <p>{@code java -cp switchboard.jar:... ResidentEntitiesMemory idle-call 100000 1000000}; {@code bench/memory.sh}
 * runs it.
 */
public final class ResidentEntitiesMemory {

    /** What each measured entity has seen: the events sent to it, in order, each answered before the next. */
    enum Shape {
        /** A call that was offered and is waiting for its caller's digits: the target's "idle active call". */
        IDLE_CALL(EntityKeys.CALL, step(VoiceChannel.INITIATE, "10:00:00")),
        /** A call that chose the voicemail and is being recorded: four events remembered with their replies. */
        CALL_IN_VOICEMAIL(
                EntityKeys.CALL,
                step(VoiceChannel.INITIATE, "10:00:00"),
                step(VoiceChannel.GATHER, "10:00:07"),
                step(VoiceChannel.RECORDING_COMPLETE, "10:00:32"),
                step(VoiceChannel.TRANSCRIPTION_AVAILABLE, "10:00:50")),
        /** A conference two callers joined. */
        CONFERENCE(
                EntityKeys.CONFERENCE,
                step(VoiceChannel.CONFERENCE_CREATED, "10:00:10"),
                step(VoiceChannel.CONFERENCE_MEMBER_JOIN, "10:00:11"),
                memberJoin("10:00:12", "c-second-member-"));

        private final EntityTypeKey<VoiceEntity.Command> entityKey;
        private final List<Step> steps;

        Shape(EntityTypeKey<VoiceEntity.Command> entityKey, Step... steps) {
            this.entityKey = entityKey;
            this.steps = List.of(steps);
        }

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Shape fromLabel(String label) {
            return Arrays.stream(values())
                    .filter(shape -> shape.label().equals(label))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no shape " + label));
        }
    }

    /** One event of every entity: entity i's body, its call and conference named after i. */
    record Step(VoiceChannel channel, String template, Map<String, String> fixed, String memberCallIdPrefix) {
        byte[] body(int i) {
            Map<String, String> values = new HashMap<>(fixed);
            String callId = callId(i);
            values.put("callId", memberCallIdPrefix.isEmpty() ? callId : memberCallIdPrefix + callId);
            values.put("conferenceId", "conf-" + callId);
            return WebhookPayloads.fill(template, values).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static Step step(VoiceChannel channel, String time) {
        return new Step(
                channel,
                WebhookPayloads.template(channel.path()),
                Map.of("eventTime", "2026-11-25T" + time + ".000Z", "digits", "2"),
                "");
    }

    private static Step memberJoin(String time, String memberCallIdPrefix) {
        Step first = step(VoiceChannel.CONFERENCE_MEMBER_JOIN, time);
        return new Step(first.channel(), first.template(), first.fixed(), memberCallIdPrefix);
    }

    /** Entities made before measuring: every shard exists and every code path ran, so neither is counted. */
    private static final int WARM_UP_ENTITIES = 20_000;
    /** Events in flight at once: enough to keep both cores busy, few enough to stay far from the deadline. */
    private static final int IN_FLIGHT = 512;

    private static final int TOP_CLASSES = 40;

    private final ActorSystem<Void> system;
    private final HandleVoiceEventUseCase handler;
    private final Shape shape;
    private final VoiceEventDecoder decoder = new VoiceEventDecoder(WebhookObjectMapper.create());

    private ResidentEntitiesMemory(ActorSystem<Void> system, HandleVoiceEventUseCase handler, Shape shape) {
        this.system = system;
        this.handler = handler;
        this.shape = shape;
    }

    public static void main(String[] args) throws Exception {
        int[] checkpoints =
                Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).sorted().toArray();
        if (checkpoints.length == 0 || checkpoints[0] <= 0) {
            System.err.println("usage: ResidentEntitiesMemory idle-call|call-in-voicemail|conference ENTITIES..."
                    + " (e.g. idle-call 100000 1000000)");
            System.exit(2);
        }
        Shape shape = Shape.fromLabel(args[0]);
        Config config = SwitchboardConfig.load();
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "switchboard", config);
        int status = 1;
        try {
            SwitchboardSettings settings = SwitchboardSettings.from(config);
            ClusterMembership.joinSelfUnlessSeeded(system);
            EntityRegistration.init(
                    system, new DemoIvrFlow(DemoSettings.from(config)), new DemoConferenceFlow(), settings);
            new ResidentEntitiesMemory(system, new ShardedVoiceEventHandler(system, settings, List.of()), shape)
                    .run(checkpoints, settings);
            status = 0;
        } finally {
            // A graceful leave would stop a million entities one by one; nothing here outlives the JVM anyway.
            System.exit(status);
        }
    }

    private void run(int[] checkpoints, SwitchboardSettings settings) throws Exception {
        awaitReady();
        ParkedEntities parked = ParkedEntities.get(system);
        boolean parking = parked.parks(settings.entity());
        System.out.printf(
                "shape %s: %s; max heap %d MiB, idle timeout %s (no memory is forgotten during the run), %s%n",
                shape.label(),
                shape.steps.stream().map(step -> step.channel().path()).toList(),
                Runtime.getRuntime().maxMemory() >> 20,
                settings.entity().idleTimeout(),
                parking
                        ? "idle entities parked after " + parked.parkAfter() + " (measured once all are parked)"
                        : "nothing parked: every entity stays resident");
        makeEntities(0, WARM_UP_ENTITIES);
        if (parking) {
            awaitAllParked(parked, WARM_UP_ENTITIES);
        }
        long baseline = usedHeapAfterFullGc();
        Map<String, long[]> histogramBefore = classHistogram();
        System.out.printf(
                "warm-up: %,d entities; used heap after GC %,d KiB (the baseline)%n", WARM_UP_ENTITIES, baseline >> 10);

        int made = 0;
        long startedAt = System.nanoTime();
        for (int entities : checkpoints) {
            makeEntities(WARM_UP_ENTITIES + made, WARM_UP_ENTITIES + entities);
            made = entities;
            if (parking) {
                awaitAllParked(parked, WARM_UP_ENTITIES + entities);
            }
            long used = usedHeapAfterFullGc();
            long resident = residentEntities() + parked.count();
            System.out.printf(
                    "RESULT shape=%s entities=%d resident_entities=%d parked_entities=%d used_heap_kib=%d"
                            + " heap_per_entity_bytes=%d elapsed_s=%.1f%n",
                    shape.label(),
                    entities,
                    resident - parked.count(),
                    parked.count(),
                    used >> 10,
                    (used - baseline) / entities,
                    (System.nanoTime() - startedAt) / 1e9);
            if (resident != WARM_UP_ENTITIES + entities) {
                throw new IllegalStateException("expected " + (WARM_UP_ENTITIES + entities) + " resident or parked"
                        + " entities, found " + resident + ": some were forgotten or failed, so the figure would be"
                        + " wrong");
            }
        }
        printTopGrowth(histogramBefore, classHistogram(), made);
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

    /**
     * Waits until the shards have stopped every idle entity and each has parked its memory: the figure is then that
     * of idle calls that are not actors. Polls, as the shards check for idle entities on their own schedule.
     */
    private void awaitAllParked(ParkedEntities parked, int entities) throws Exception {
        long deadline = System.nanoTime()
                + parked.parkAfter().multipliedBy(4).plusMinutes(5).toNanos();
        while (residentEntities() > 0 || parked.count() < entities) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(residentEntities() + " entities still resident and " + parked.count()
                        + " parked of " + entities + " long after park-after");
            }
            Thread.sleep(500);
        }
    }

    /**
     * Sends every step of the shape to entities {@code from} (inclusive) to {@code to}, one step for all of them
     * before the next, so each entity sees its events in order; every reply must come from the flow.
     */
    private void makeEntities(int from, int to) throws InterruptedException {
        for (Step step : shape.steps) {
            Semaphore inFlight = new Semaphore(IN_FLIGHT);
            AtomicLong notFromFlow = new AtomicLong();
            for (int i = from; i < to; i++) {
                byte[] body = step.body(i);
                inFlight.acquire();
                handler.handle(decoder.decode(step.channel(), body)).whenComplete((reply, failure) -> {
                    if (failure != null || reply.origin() != ReplyOrigin.FLOW) {
                        notFromFlow.incrementAndGet();
                    }
                    inFlight.release();
                });
            }
            inFlight.acquire(IN_FLIGHT);
            if (notFromFlow.get() > 0) {
                throw new IllegalStateException(
                        notFromFlow.get() + " " + step.channel().path() + " events were"
                                + " not answered by the flow (deadline missed or failed): the machine is too busy for this"
                                + " run to mean anything");
            }
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

    private long residentEntities() throws Exception {
        ShardRegion.CurrentShardRegionState state =
                AskPattern.<akka.cluster.sharding.typed.ClusterShardingQuery, ShardRegion.CurrentShardRegionState>ask(
                                ClusterSharding.get(system).shardState(),
                                replyTo -> new GetShardRegionState(shape.entityKey, replyTo),
                                Duration.ofSeconds(30),
                                system.scheduler())
                        .toCompletableFuture()
                        .get(60, TimeUnit.SECONDS);
        return state.getShards().stream()
                .mapToLong(shard -> shard.getEntityIds().size())
                .sum();
    }

    /** Live objects per class (a full GC first): class name → {instances, bytes}. */
    private static Map<String, long[]> classHistogram() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {null},
                        new String[] {String[].class.getName()});
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

    private static void printTopGrowth(Map<String, long[]> before, Map<String, long[]> after, int entities) {
        record Growth(String className, long instances, long bytes) {}
        List<Growth> growth = new ArrayList<>();
        after.forEach((className, counts) -> {
            long[] earlier = before.getOrDefault(className, new long[2]);
            growth.add(new Growth(className, counts[0] - earlier[0], counts[1] - earlier[1]));
        });
        growth.sort(Comparator.comparingLong(Growth::bytes).reversed());
        long total = growth.stream().mapToLong(Growth::bytes).sum();
        System.out.printf(
                "%nWhere the bytes of one entity go (live-object histogram, after minus before, / %,d"
                        + " entities; %,d bytes per entity in all):%n",
                entities, total / entities);
        System.out.printf("%12s %12s  %s%n", "bytes/each", "objects/each", "class");
        growth.stream()
                .limit(TOP_CLASSES)
                .forEach(g -> System.out.printf(
                        "%12.1f %12.2f  %s%n",
                        (double) g.bytes() / entities, (double) g.instances() / entities, g.className()));

        Map<String, Long> byOwner = new TreeMap<>();
        growth.forEach(g -> byOwner.merge(owner(g.className()), g.bytes(), Long::sum));
        System.out.printf("%nBy owner (bytes per entity):%n");
        byOwner.forEach((owner, bytes) -> System.out.printf("%12.1f  %s%n", (double) bytes / entities, owner));
    }

    /** Who a class's objects belong to, roughly: text, Switchboard's own objects, the actor runtime, the JDK. */
    private static String owner(String className) {
        if (className.equals("java.lang.String") || className.equals("[B")) {
            return "text (String and its bytes)";
        }
        if (className.startsWith("io.switchboard.")) {
            return "Switchboard objects (state, event, reply, entity shell)";
        }
        if (className.startsWith("akka.")
                || className.startsWith("[Lakka.")
                || className.startsWith("scala.")
                || className.startsWith("[Lscala.")) {
            return "Akka and Scala objects (actor cell, behaviors, timers, sharding)";
        }
        return "other JDK objects (maps, lists, times, lambdas)";
    }
}
