package io.switchboard.application.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import com.typesafe.config.ConfigFactory;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.conference.ConferenceState;
import io.switchboard.domain.entity.EntityMemory;
import io.switchboard.domain.entity.EntitySettings;
import io.switchboard.domain.entity.EntityState;
import io.switchboard.domain.entity.EntityTestSupport;
import io.switchboard.domain.entity.ParkingSpot;
import io.switchboard.domain.flow.FlowData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The node's parked memories on manual time: taken back once, expiring on the deadline of active or ended. */
class ParkedEntitiesTest {

    private static final Duration PARK_AFTER = Duration.ofSeconds(30);
    /** Idle timeout 120 s, retention after the end 30 s. */
    private static final EntitySettings SETTINGS = EntityTestSupport.settings();

    private final AtomicLong nanos = new AtomicLong();
    private final ParkedEntities parked = new ParkedEntities(PARK_AFTER, 1_000, nanos::get, MemoryPacking.AS_IS);

    private static final ActorTestKit testKit = ActorTestKit.create();

    @AfterAll
    static void stopTestKit() {
        testKit.shutdownTestKit();
    }

    private static Serialization serialization() {
        return SerializationExtension.get(Adapter.toClassic(testKit.system()));
    }

    private static EntityMemory<CallState> memoryOf(String callId) {
        return EntityMemory.empty(CallState.initial(CallId.of(callId)));
    }

    private ParkingSpot<CallState> callSpot(String callId) {
        return parked.spot(EntityKeys.CALL, callId, SETTINGS);
    }

    private void timePasses(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void aParkedMemoryIsTakenBackOnceByItsEntity() {
        EntityMemory<CallState> memory = memoryOf("c-1");
        callSpot("c-1").park(memory, false);
        assertEquals(1, parked.count());

        assertSame(memory, callSpot("c-1").takeBack().orElseThrow());
        assertTrue(callSpot("c-1").takeBack().isEmpty(), "it left the store with its entity");
        assertEquals(0, parked.count());
    }

    @Test
    void aCallAndAConferenceOfTheSameIdParkApart() {
        callSpot("same").park(memoryOf("same"), false);
        ParkingSpot<ConferenceState> conference = parked.spot(EntityKeys.CONFERENCE, "same", SETTINGS);
        assertTrue(conference.takeBack().isEmpty());
        conference.park(EntityMemory.empty(ConferenceState.initial(ConferenceId.of("same"))), false);
        assertEquals(2, parked.count());
        assertTrue(callSpot("same").takeBack().isPresent());
    }

    @Test
    void anActiveCallIsKeptUntilItsIdleTimeoutHasPassedSinceItWentQuiet() {
        callSpot("c-active").park(memoryOf("c-active"), false);
        // Parked park-after after its last event: the idle timeout less that is left.
        timePasses(SETTINGS.idleTimeout().minus(PARK_AFTER).minusMillis(1));
        callSpot("c-kept").park(memoryOf("c-kept"), false);
        assertTrue(callSpot("c-kept").takeBack().isPresent());
        assertTrue(callSpot("c-active").takeBack().isPresent(), "kept to the last millisecond");

        callSpot("c-active").park(memoryOf("c-active"), false);
        timePasses(SETTINGS.idleTimeout().minus(PARK_AFTER));
        assertTrue(callSpot("c-active").takeBack().isEmpty(), "forgotten once its idle timeout has passed");
    }

    @Test
    void anEndedCallIsKeptForItsRetentionOnlyWhileAnActiveOneParkedWithItStays() {
        callSpot("c-ended").park(memoryOf("c-ended"), true);
        callSpot("c-active").park(memoryOf("c-active"), false);
        timePasses(SETTINGS.retentionAfterEnd().minus(PARK_AFTER));

        assertTrue(callSpot("c-ended").takeBack().isEmpty(), "forgotten once its retention has passed");
        assertTrue(callSpot("c-active").takeBack().isPresent());
    }

    @Test
    void aRetentionShorterThanParkAfterForgetsAnEndedCallAtOnce() {
        EntitySettings shortRetention = new EntitySettings(
                SETTINGS.flowTimeout(),
                SETTINGS.idleTimeout(),
                Duration.ofSeconds(10),
                SETTINGS.stashCapacity(),
                SETTINGS.rememberedReplies(),
                SETTINGS.fallback());
        ParkingSpot<CallState> spot = parked.spot(EntityKeys.CALL, "c-handed-over", shortRetention);
        spot.park(memoryOf("c-handed-over"), true);
        assertTrue(spot.takeBack().isEmpty());
    }

    @Test
    void entitiesParkOnlyWhenParkAfterComesBeforeTheirIdleTimeout() {
        assertTrue(parked.parks(SETTINGS));
        ParkedEntities late = new ParkedEntities(SETTINGS.idleTimeout(), 1_000, nanos::get, MemoryPacking.AS_IS);
        assertFalse(late.parks(SETTINGS));
    }

    @Test
    void parkAfterMustBePositive() {
        var config = ConfigFactory.parseString("entity.park-after = 0s")
                .withFallback(ConfigFactory.load().getConfig("switchboard"));
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> ParkedEntities.from(config, 1L << 30, serialization()));
        assertTrue(refused.getMessage().contains("SWITCHBOARD_ENTITY_PARK_AFTER"), refused.getMessage());
    }

    @Test
    void theBoundIsAShareOfTheHeapByDefaultAndTheStoreKeepsToIt() {
        // Half of an 8 KiB heap over 2 KiB per parked memory: 2.
        ParkedEntities fromHeap =
                ParkedEntities.from(ConfigFactory.load().getConfig("switchboard"), 8 * 1024, serialization());
        assertEquals(Duration.ofSeconds(30), fromHeap.parkAfter());
        List.of(1, 2, 3)
                .forEach(i -> fromHeap.<CallState>spot(EntityKeys.CALL, "c-" + i, SETTINGS)
                        .park(memoryOf("c-" + i), false));
        assertEquals(2, fromHeap.count());
    }

    /** A call's memory with its flow's data (CrossNodeSerializationTest reads back every kind of timeline). */
    private static EntityMemory<CallState> memoryWithFlowData(String callId) {
        EntityMemory<CallState> memory = memoryOf(callId);
        return new EntityMemory<>(memory.state(), memory.timeline(), new FlowData("{\"step\":\"menu\",\"tries\":2}"));
    }

    @Test
    void memoriesParkAsCompressedBytesAndComeBackEqualButNotTheSame() {
        ParkedEntities packed =
                new ParkedEntities(PARK_AFTER, 1_000, nanos::get, MemoryPacking.serializedBy(serialization()));
        // The first memory packed is the dictionary the later ones are compressed with.
        EntityMemory<CallState> first = memoryOf("c-first");
        EntityMemory<CallState> later = memoryWithFlowData("c-later");
        EntityMemory<ConferenceState> conference =
                EntityMemory.empty(ConferenceState.initial(ConferenceId.of("conf-later")));
        callSpot(packed, "c-first").park(first, false);
        callSpot(packed, "c-later").park(later, false);
        packed.<ConferenceState>spot(EntityKeys.CONFERENCE, "conf-later", SETTINGS)
                .park(conference, false);

        EntityMemory<CallState> laterBack =
                callSpot(packed, "c-later").takeBack().orElseThrow();
        assertEquals(later, laterBack);
        assertNotSame(later, laterBack, "it was held as bytes and read back");
        assertEquals(first, callSpot(packed, "c-first").takeBack().orElseThrow());
        assertEquals(
                conference,
                packed.<ConferenceState>spot(EntityKeys.CONFERENCE, "conf-later", SETTINGS)
                        .takeBack()
                        .orElseThrow());
    }

    /** A state the serializer fails to write: reading its one property fails. */
    private record Unwritable(String name) implements EntityState {
        @Override
        public String name() {
            throw new IllegalStateException("not today");
        }
    }

    /** A state the serializer writes but cannot read back: it is not one of the entity states it knows. */
    private record Unreadable(String name) implements EntityState {}

    @Test
    void aMemoryTheSerializerCannotWriteParksAsItIs() {
        ParkedEntities packed =
                new ParkedEntities(PARK_AFTER, 1_000, nanos::get, MemoryPacking.serializedBy(serialization()));
        EntityMemory<Unwritable> odd = EntityMemory.empty(new Unwritable("odd"));
        ParkingSpot<Unwritable> spot = packed.spot(EntityKeys.CALL, "c-odd", SETTINGS);
        spot.park(odd, false);

        assertSame(odd, spot.takeBack().orElseThrow());
    }

    @Test
    void aMemoryWhoseBytesDoNotReadBackIsForgottenAndItsEntityStartsAfresh() {
        ParkedEntities packed =
                new ParkedEntities(PARK_AFTER, 1_000, nanos::get, MemoryPacking.serializedBy(serialization()));
        ParkingSpot<Unreadable> spot = packed.spot(EntityKeys.CALL, "c-lost", SETTINGS);
        spot.park(EntityMemory.empty(new Unreadable("lost")), false);

        assertTrue(spot.takeBack().isEmpty());
    }

    private static ParkingSpot<CallState> callSpot(ParkedEntities store, String callId) {
        return store.spot(EntityKeys.CALL, callId, SETTINGS);
    }

    @Test
    void theServiceParksAsIsByDefaultAndOnParksSerialized() {
        EntityMemory<CallState> memory = memoryWithFlowData("c-default");
        ParkedEntities byDefault =
                ParkedEntities.from(ConfigFactory.load().getConfig("switchboard"), 1L << 30, serialization());
        byDefault.<CallState>spot(EntityKeys.CALL, "c-default", SETTINGS).park(memory, false);
        assertSame(
                memory,
                byDefault
                        .<CallState>spot(EntityKeys.CALL, "c-default", SETTINGS)
                        .takeBack()
                        .orElseThrow());

        ParkedEntities serialized = ParkedEntities.from(
                ConfigFactory.parseString("entity.park-serialized = on")
                        .withFallback(ConfigFactory.load().getConfig("switchboard")),
                1L << 30,
                serialization());
        serialized.<CallState>spot(EntityKeys.CALL, "c-default", SETTINGS).park(memory, false);
        EntityMemory<CallState> readBack = serialized
                .<CallState>spot(EntityKeys.CALL, "c-default", SETTINGS)
                .takeBack()
                .orElseThrow();
        assertNotSame(memory, readBack);
        assertEquals(memory, readBack);
    }
}
