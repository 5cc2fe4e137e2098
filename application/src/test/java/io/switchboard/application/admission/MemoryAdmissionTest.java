package io.switchboard.application.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import com.typesafe.config.ConfigFactory;
import io.switchboard.application.SampleEvents;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.application.port.in.AdmissionRefusedException;
import io.switchboard.application.sharding.ClusterMembership;
import io.switchboard.application.sharding.EntityRegistration;
import io.switchboard.application.sharding.ShardedVoiceEventHandler;
import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.call.CallEnding;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A node at its resident ceiling refuses new calls at once and serves the calls it holds. */
class MemoryAdmissionTest {
    private static final ActorTestKit testKit =
            ActorTestKit.create(ConfigFactory.parseString("""
            akka.actor.provider = cluster
            akka.remote.artery.canonical.hostname = 127.0.0.1
            akka.remote.artery.canonical.port = 0
            switchboard.admission.max-resident-entities = 2
            # Quick to leave memory once ended, so that the test sees the count fall.
            switchboard.entity.retention-after-end = 1s
            """).withFallback(ConfigFactory.load()));

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    private static EventReply await(CompletionStage<EventReply> stage) throws Exception {
        return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void atTheCeilingNewCallsAreRefusedAndCallsInProgressServed() throws Exception {
        SwitchboardSettings settings =
                SwitchboardSettings.from(testKit.system().settings().config());
        ClusterMembership.joinSelfUnlessSeeded(testKit.system());
        EntityRegistration.init(testKit.system(), new CallFlow() {}, new ConferenceFlow() {}, settings);
        ShardedVoiceEventHandler handler = new ShardedVoiceEventHandler(testKit.system(), settings, List.of());

        assertEquals(
                ReplyOrigin.FLOW, await(handler.handle(initiate("c-first"))).origin());
        assertEquals(
                ReplyOrigin.FLOW, await(handler.handle(initiate("c-second"))).origin());
        assertEquals(2, handler.residentEntities());

        ExecutionException refused =
                assertThrows(ExecutionException.class, () -> await(handler.handle(initiate("c-third"))));
        assertInstanceOf(AdmissionRefusedException.class, refused.getCause());
        assertEquals(1, handler.newCallsShed());
        assertEquals(2, handler.residentEntities(), "the refused call left nothing resident");

        assertEquals(
                ReplyOrigin.FLOW,
                await(handler.handle(SampleEvents.gather("c-first", "1"))).origin());

        // An ended call leaves memory after its retention, and makes room for a new one.
        await(handler.handle(new CallDisconnected(
                SampleEvents.call("c-second"), new CallEnding(null, DisconnectCause.HANGUP, null, null))));
        testKit.createTestProbe().awaitAssert(Duration.ofSeconds(20), () -> {
            assertEquals(1, handler.residentEntities());
            return null;
        });
        assertEquals(
                ReplyOrigin.FLOW, await(handler.handle(initiate("c-third"))).origin());
        assertEquals(2, settings.admission().residentCeiling());
    }

    @Test
    void withoutAConfiguredCeilingItIsAShareOfTheHeapOverWhatAnEntityHolds() {
        var admission = ConfigFactory.parseString("""
                max-resident-entities = 0
                heap-fraction = 0.5
                heap-per-entity = 8KiB
                """);
        assertEquals(6_144, AdmissionSettings.from(admission, 96L << 20).residentCeiling());
    }

    private static CallInitiated initiate(String callId) {
        return new CallInitiated(SampleEvents.call(callId));
    }
}
