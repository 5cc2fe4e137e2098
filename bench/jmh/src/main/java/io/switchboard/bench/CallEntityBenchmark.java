package io.switchboard.bench;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import akka.persistence.jdbc.testkit.javadsl.SchemaUtils;
import akka.persistence.typed.PersistenceId;
import com.typesafe.config.ConfigFactory;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.application.durability.DurableVoiceEntity;
import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.call.CallEntity;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EntityWiring;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one event costs through a call entity, without HTTP or sharding: ask a {@link CallEntity} (the
 * production shell: stash, flow on the flow dispatcher, BXML rules check, remembered reply, timers) and wait for
 * its reply, with a trivial synchronous flow that answers with a fixed menu.
 * <ul>
 *   <li>{@code initiateNewCall}: spawn the entity of a new call, ask it the call's initiate, then stop it (the
 *       stop is sent, not awaited): a call's first event.</li>
 *   <li>{@code gatherOnLiveCall}: ask a gather of one of {@value #LIVE_CALLS} live calls in turn, each gather a new
 *       event (its own event time), so none is answered as a redelivery. The calls are started afresh for each
 *       iteration, so their lists of gathered digits stay short.</li>
 * </ul>
 * The ask waits on the benchmark thread, as the HTTP adapter's route waits on its stage; one thread, so this is
 * the latency of an event on an idle system, not a throughput.
 *
 * <p>{@code store} picks the shell: {@code memory}, the in-memory one above; {@code h2}, the durable one on
 * akka-persistence-jdbc with H2 in a temporary file, which recovers a new call's (empty) journal first and
 * stores each event (a snapshot every 25) before it replies: what {@code SWITCHBOARD_DURABILITY=journal} adds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallEntityBenchmark {
    static final int LIVE_CALLS = 256;
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);
    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final Response MENU = Response.builder()
            .gather(gather -> gather.gatherUrl("https://ivr.example.com/voice/gather")
                    .maxDigits(1)
                    .firstDigitTimeout(5)
                    .speakSentence("Press 1 for sales, 2 for support, or 3 to leave a message."))
            .build();

    /** Answers at once, on the flow dispatcher, as a flow without I/O does. */
    static final CallFlow MENU_FLOW = new CallFlow() {
        @Override
        public Reply onInitiate(CallInitiated event, CallState call) {
            return MENU;
        }

        @Override
        public Reply onGather(GatherCompleted event, CallState call) {
            return MENU;
        }
    };

    @Param({"memory", "h2"})
    public String store;

    private Path dataDir;
    private ActorSystem<Void> system;
    private Executor flowExecutor;
    private SwitchboardSettings settings;
    private long calls;
    private long events;
    private CallId[] liveCallIds;
    private ActorRef<VoiceEntity.Command>[] liveCalls;

    @Setup(Level.Trial)
    public void startSystem() throws Exception {
        dataDir = Files.createTempDirectory("switchboard-bench");
        String journal = "jdbc:h2:file:" + dataDir.resolve("journal") + ";DATABASE_TO_UPPER=false;MODE=LEGACY";
        system = ActorSystem.create(
                Behaviors.empty(),
                "bench",
                ConfigFactory.parseString("""
                akka.loglevel = WARNING
                akka.persistence.journal.plugin = "jdbc-journal"
                akka.persistence.snapshot-store.plugin = "jdbc-snapshot-store"
                jdbc-journal.use-shared-db = "slick"
                jdbc-snapshot-store.use-shared-db = "slick"
                akka-persistence-jdbc.shared-databases.slick {
                  profile = "slick.jdbc.H2Profile$"
                  db { url = "%s", user = "sa", password = "", driver = "org.h2.Driver",
                       numThreads = 8, maxConnections = 8, minConnections = 1 }
                }
                """.formatted(journal)).withFallback(ConfigFactory.load()));
        settings = SwitchboardSettings.from(system.settings().config());
        flowExecutor = system.dispatchers().lookup(DispatcherSelector.fromConfig(SwitchboardSettings.FLOW_DISPATCHER));
        if (store.equals("h2")) {
            SchemaUtils.createIfNotExists(system).toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }

    @TearDown(Level.Trial)
    public void stopSystem() throws IOException {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().join();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Setup(Level.Iteration)
    @SuppressWarnings("unchecked")
    public void startLiveCalls() {
        liveCallIds = new CallId[LIVE_CALLS];
        liveCalls = new ActorRef[LIVE_CALLS];
        for (int i = 0; i < LIVE_CALLS; i++) {
            liveCallIds[i] = nextCallId();
            liveCalls[i] = spawn(liveCallIds[i]);
            ask(liveCalls[i], new CallInitiated(details(liveCallIds[i], START)));
        }
    }

    @TearDown(Level.Iteration)
    public void stopLiveCalls() {
        for (ActorRef<VoiceEntity.Command> call : liveCalls) {
            call.tell(VoiceEntity.Stop.INSTANCE);
        }
    }

    @Benchmark
    public EventReply initiateNewCall() {
        CallId callId = nextCallId();
        ActorRef<VoiceEntity.Command> call = spawn(callId);
        EventReply reply = ask(call, new CallInitiated(details(callId, START)));
        call.tell(VoiceEntity.Stop.INSTANCE);
        return reply;
    }

    @Benchmark
    public EventReply gatherOnLiveCall() {
        long event = ++events;
        int index = (int) (event % LIVE_CALLS);
        CallId callId = liveCallIds[index];
        return ask(liveCalls[index], new GatherCompleted(details(callId, START.plusMillis(event)), "2", ""));
    }

    private CallId nextCallId() {
        return CallId.of(String.format("c-15ac29a2-%08x-2cb0-4a07-b215-b22865662d85", ++calls));
    }

    private ActorRef<VoiceEntity.Command> spawn(CallId callId) {
        Behavior<VoiceEntity.Command> entity = store.equals("h2")
                ? DurableVoiceEntity.create(
                        PersistenceId.of("Call", callId.value()),
                        CallEntity.rules(callId, MENU_FLOW),
                        EntityWiring.of(flowExecutor, settings.entity(), self -> {}),
                        settings.durability().snapshotEvery())
                : CallEntity.create(callId, MENU_FLOW, flowExecutor, settings.entity(), self -> {});
        return system.systemActorOf(entity, callId.value(), Props.empty());
    }

    private EventReply ask(ActorRef<VoiceEntity.Command> call, VoiceEvent event) {
        return ask(system, call, event);
    }

    /** {@code event} to {@code call}, waiting for the reply on this thread; fails unless the flow answered. */
    static EventReply ask(ActorSystem<?> system, ActorRef<VoiceEntity.Command> call, VoiceEvent event) {
        EventReply reply = AskPattern.<VoiceEntity.Command, EventReply>ask(
                        call, replyTo -> new VoiceEntity.Handle(event, replyTo), ASK_TIMEOUT, system.scheduler())
                .toCompletableFuture()
                .join();
        if (reply.origin() != ReplyOrigin.FLOW) {
            throw new IllegalStateException(
                    "the entity answered " + reply.origin() + ", not the flow: not measuring" + " the path we mean to");
        }
        return reply;
    }

    static CallDetails details(CallId callId, Instant eventTime) {
        return CallDetails.builder(callId)
                .eventTime(eventTime)
                .account("9900000", "04e88489-df02-4e34-a0ee-27a91849555f")
                .parties("+19195551234", "+19195554321", Direction.INBOUND)
                .callUrl("https://voice.bandwidth.com/api/v2/accounts/9900000/calls/" + callId.value())
                .times(START, null, null)
                .build();
    }
}
