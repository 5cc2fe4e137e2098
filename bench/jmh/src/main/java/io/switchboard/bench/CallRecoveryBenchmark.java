package io.switchboard.bench;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.Behaviors;
import akka.persistence.jdbc.testkit.javadsl.SchemaUtils;
import akka.persistence.typed.PersistenceId;
import com.typesafe.config.ConfigFactory;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.application.durability.DurableVoiceEntity;
import io.switchboard.bootstrap.H2FlushingJournalDao;
import io.switchboard.domain.call.CallEntity;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EntityWiring;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.VoiceEntity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The first event of a call after a restart or a node loss: a new incarnation of the call's durable entity
 * recovers its memory (its latest snapshot, then the events after it) and then handles the event, stored before
 * its reply. {@code history} events were stored for the call before; the journal is H2 in a file, configured as
 * the service configures it (synchronous saves, {@link H2FlushingJournalDao}), with the service's snapshot
 * interval. Compare with {@code CallEntityBenchmark.initiateNewCall} (a call with no history).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallRecoveryBenchmark {
    /** Calls with the same history, recovered in turn: each invocation recovers one of them afresh. */
    static final int CALLS = 16;

    @Param({"10", "100", "1000"})
    public int history;

    private Path dataDir;
    private ActorSystem<Void> system;
    private Executor flowExecutor;
    private SwitchboardSettings settings;
    private final CallId[] callIds = new CallId[CALLS];
    private long invocations;

    @Setup(Level.Trial)
    public void storeHistories() throws Exception {
        dataDir = Files.createTempDirectory("switchboard-recovery-bench");
        String journal =
                "jdbc:h2:file:" + dataDir.resolve("journal") + ";DATABASE_TO_UPPER=false;MODE=LEGACY;WRITE_DELAY=0";
        system = ActorSystem.create(
                Behaviors.empty(),
                "bench",
                ConfigFactory.parseString("""
                akka.loglevel = WARNING
                # The service's configuration stops the JVM when its actor system stops: not at the trial's end here.
                akka.coordinated-shutdown.exit-jvm = off
                akka.persistence.journal.plugin = "jdbc-journal"
                akka.persistence.snapshot-store.plugin = "jdbc-snapshot-store"
                jdbc-journal.use-shared-db = "slick"
                jdbc-journal.dao = "%s"
                jdbc-snapshot-store.use-shared-db = "slick"
                schema.use-shared-db = "slick"
                schema.dao = "akka.persistence.jdbc.journal.dao.DefaultJournalDao"
                akka-persistence-jdbc.shared-databases.slick {
                  profile = "slick.jdbc.H2Profile$"
                  db { url = "%s", user = "sa", password = "", driver = "org.h2.Driver",
                       numThreads = 8, maxConnections = 8, minConnections = 1 }
                }
                """.formatted(H2FlushingJournalDao.class.getName(), journal))
                        .withFallback(ConfigFactory.load()));
        settings = SwitchboardSettings.from(system.settings().config());
        flowExecutor = system.dispatchers().lookup(DispatcherSelector.fromConfig(SwitchboardSettings.FLOW_DISPATCHER));
        SchemaUtils.createIfNotExists("schema", system).toCompletableFuture().get(60, TimeUnit.SECONDS);
        for (int i = 0; i < CALLS; i++) {
            callIds[i] = CallId.of(String.format("c-15ac29a2-%08x-2cb0-4a07-b215-b22865662d85", i));
            ActorRef<VoiceEntity.Command> call = spawn(callIds[i], "history");
            ask(call, new CallInitiated(CallEntityBenchmark.details(callIds[i], CallEntityBenchmark.START)));
            for (int event = 1; event < history; event++) {
                ask(call, gather(callIds[i], event));
            }
            call.tell(VoiceEntity.Stop.INSTANCE);
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

    /** A new incarnation of a call with {@code history} stored events recovers, then answers a new gather. */
    @Benchmark
    public EventReply firstEventAfterRecovery() {
        long invocation = ++invocations;
        CallId callId = callIds[(int) (invocation % CALLS)];
        ActorRef<VoiceEntity.Command> call = spawn(callId, Long.toString(invocation));
        EventReply reply = ask(call, gather(callId, history + invocation));
        call.tell(VoiceEntity.Stop.INSTANCE);
        return reply;
    }

    private ActorRef<VoiceEntity.Command> spawn(CallId callId, String incarnation) {
        return system.systemActorOf(
                DurableVoiceEntity.create(
                        PersistenceId.of("Call", callId.value()),
                        CallEntity.rules(callId, CallEntityBenchmark.MENU_FLOW),
                        EntityWiring.of(flowExecutor, settings.entity(), self -> {}),
                        settings.durability().snapshotEvery()),
                callId.value() + "-" + incarnation,
                Props.empty());
    }

    private EventReply ask(ActorRef<VoiceEntity.Command> call, VoiceEvent event) {
        return CallEntityBenchmark.ask(system, call, event);
    }

    private static GatherCompleted gather(CallId callId, long event) {
        return new GatherCompleted(
                CallEntityBenchmark.details(callId, CallEntityBenchmark.START.plusMillis(event)), "9", "");
    }
}
