package io.switchboard.application.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import com.typesafe.config.ConfigFactory;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The journal's circuit breaker, on real time with short intervals (the first probe a second after the failure, so
 * the test's own steps fit before it): fail fast, probe, recover, give up living.
 */
class JournalHealthTest {
    private static final EventReply STORED = new EventReply(Response.empty(), ReplyOrigin.FLOW);

    private final ActorTestKit testKit =
            ActorTestKit.create(ConfigFactory.parseString("""
                    switchboard.durability.outage.probe-interval = 1s
                    switchboard.durability.outage.not-live-after = 400ms
                    akka.loglevel = WARNING
                    """).withFallback(ConfigFactory.load()));
    private final JournalHealth health = JournalHealth.get(testKit.system());
    private final AtomicInteger handed = new AtomicInteger();

    @AfterEach
    void stop() {
        testKit.shutdownTestKit();
    }

    private EventReply handle(EventReply outcome) {
        return health.whileStoring(() -> {
                    handed.incrementAndGet();
                    return CompletableFuture.completedFuture(outcome);
                })
                .toCompletableFuture()
                .join();
    }

    @Test
    void afterAFailedStoreEventsAreAnsweredNotStoredAtOnceUntilAProbeIsStored() {
        assertEquals(STORED, handle(STORED));
        assertTrue(health.storing());

        health.storeFailed(new IllegalStateException("database down"));

        assertFalse(health.storing());
        assertEquals(EventReply.notStored(), handle(STORED));
        assertEquals(1, handed.get(), "the event was not handed on while the breaker is open");
        assertEquals(1, health.outages());
        TestProbe<Object> probe = testKit.createTestProbe();
        probe.awaitAssert(Duration.ofSeconds(5), Duration.ofMillis(50), () -> {
            assertEquals(STORED, handle(STORED), "a probe went through and was stored");
            return null;
        });
        assertTrue(health.storing());
        assertTrue(health.live());
        assertEquals(1, health.outages(), "one outage, however many probes");
    }

    @Test
    void theProbeThatIsStoredIsAnsweredOnlyOnceTheNodeSaysItStoresAgain() {
        health.storeFailed(new IllegalStateException("database down"));
        CompletableFuture<EventReply> storing = new CompletableFuture<>();
        AtomicReference<CompletionStage<EventReply>> probeReply = new AtomicReference<>();
        TestProbe<Object> probe = testKit.createTestProbe();
        probe.awaitAssert(Duration.ofSeconds(5), Duration.ofMillis(50), () -> {
            CompletionStage<EventReply> reply = health.whileStoring(() -> {
                handed.incrementAndGet();
                return storing;
            });
            assertTrue(handed.get() > 0, "a probe went through");
            probeReply.set(reply);
            return null;
        });
        // What a readiness probe sent the moment the webhook's 200 went out would read.
        CompletableFuture<Boolean> readyWhenAnswered =
                probeReply.get().thenApply(reply -> health.storing()).toCompletableFuture();

        storing.complete(STORED);

        assertTrue(readyWhenAnswered.join(), "answered stored while still reported not storing");
    }

    @Test
    void aProbeThatIsNotStoredKeepsTheOutageAndALongOneIsNotLive() {
        health.storeFailed(new IllegalStateException("file locked"));
        TestProbe<Object> probe = testKit.createTestProbe();
        probe.awaitAssert(Duration.ofSeconds(5), Duration.ofMillis(50), () -> {
            handle(EventReply.notStored());
            assertTrue(handed.get() > 0, "a probe went through");
            return null;
        });
        assertFalse(health.storing(), "its event was not stored: still down");
        probe.awaitAssert(Duration.ofSeconds(5), Duration.ofMillis(50), () -> {
            assertFalse(health.live());
            return null;
        });
        assertEquals(1, health.outages());
        assertTrue(health.unstoredEvents() > 0);
    }
}
