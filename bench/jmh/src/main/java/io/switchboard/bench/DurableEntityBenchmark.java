package io.switchboard.bench;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import akka.persistence.jdbc.testkit.javadsl.SchemaUtils;
import akka.persistence.typed.PersistenceId;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.application.durability.DurableVoiceEntity;
import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.call.CallEntity;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallRedirected;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.entity.EventReply;
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
 * What storing an event costs one call: one event through a call entity, from the {@code Handle} to its reply,
 * with the entity in memory ({@code memory}) or durable on an H2 journal in a file ({@code h2}: the event is
 * stored, and a snapshot taken every 25, before the reply goes out). The flow answers at once, so the figures
 * are the shells' own cost. One event at a time: latency, not throughput (the end-to-end benchmark measures
 * that).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DurableEntityBenchmark {

    @Param({"memory", "h2"})
    public String store;

    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);
    private static final CallFlow FLOW = new CallFlow() {
        @Override
        public Reply onRedirect(CallRedirected event, CallState call) {
            return Response.builder().speak("Back to the menu.").build();
        }
    };

    private Path dataDir;
    private ActorSystem<Void> system;
    private ActorRef<VoiceEntity.Command> entity;
    private CallId callId;
    private Instant eventTime;

    @Setup(Level.Trial)
    public void start() throws Exception {
        dataDir = Files.createTempDirectory("switchboard-bench");
        String url = "jdbc:h2:file:" + dataDir.resolve("journal") + ";DATABASE_TO_UPPER=false;MODE=LEGACY";
        Config config = ConfigFactory.parseString("""
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
                """.formatted(url)).withFallback(ConfigFactory.load());
        system = ActorSystem.create(Behaviors.empty(), "bench", config);
        SwitchboardSettings settings = SwitchboardSettings.from(config);
        Executor flowExecutor = system.dispatchers().lookup(
                DispatcherSelector.fromConfig(SwitchboardSettings.FLOW_DISPATCHER));
        callId = CallId.of("c-bench");
        Behavior<VoiceEntity.Command> behavior;
        if (store.equals("h2")) {
            SchemaUtils.createIfNotExists(system).toCompletableFuture().get(60, TimeUnit.SECONDS);
            behavior = DurableVoiceEntity.create(PersistenceId.of("Call", callId.value()),
                    CallEntity.rules(callId, FLOW), flowExecutor, settings.entity(),
                    settings.durability().snapshotEvery(), self -> { });
        } else {
            behavior = CallEntity.create(callId, FLOW, flowExecutor, settings.entity(), self -> { });
        }
        entity = system.systemActorOf(behavior, "entity", akka.actor.typed.Props.empty());
        eventTime = Instant.parse("2026-11-25T10:00:00Z");
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().join();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** A redirect that changes nothing but the event count, so the state does not grow over the run. */
    @Benchmark
    public EventReply oneEvent() throws Exception {
        eventTime = eventTime.plusMillis(1);
        CallRedirected redirect = new CallRedirected(CallDetails.builder(callId)
                .parties("+15552223333", "+15553334444", Direction.INBOUND)
                .eventTime(eventTime)
                .build());
        return AskPattern.<VoiceEntity.Command, EventReply>ask(entity,
                        replyTo -> new VoiceEntity.Handle(redirect, replyTo), ASK_TIMEOUT, system.scheduler())
                .toCompletableFuture().get(ASK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
