package io.switchboard.application.sharding;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Extension;
import akka.actor.typed.ExtensionId;
import akka.actor.typed.javadsl.Adapter;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import com.typesafe.config.Config;
import io.switchboard.domain.entity.EntityMemory;
import io.switchboard.domain.entity.EntitySettings;
import io.switchboard.domain.entity.EntityState;
import io.switchboard.domain.entity.ParkingSpot;
import java.time.Duration;
import java.util.Optional;

/**
 * The memories of this node's idle call and conference entities, parked while the entities are not actors (memory
 * mode): an entity idle for {@code switchboard.entity.park-after} is stopped by its shard and parks its memory
 * here; its next event starts it again and it takes the memory back. One cache per actor system, bounded (the
 * least used go first past {@code switchboard.entity.max-parked}), each entry expiring on its own deadline with
 * no timer per entity: an active call's memory once its idle timeout has passed since it went quiet, an ended
 * one's once its retention after the end has.
 *
 * <p>Node-local: a shard that moves to another node leaves its parked memories behind, as it leaves its resident
 * entities' memories in memory mode (its calls start afresh there).
 */
public final class ParkedEntities implements Extension {
    private static final Id ID = new Id();

    /** Which entity: the type keeps a call and a conference of the same id apart. */
    private record Key(String entityType, String entityId) {}

    /** A memory as the packing holds it, and how long it waits for its entity. */
    private record Parked(Object held, Duration keepFor) {}

    private final Duration parkAfter;
    private final Cache<Key, Parked> parked;
    private final MemoryPacking packing;

    /**
     * @param parkAfter  how long an entity stays resident without an event before its shard stops it to park it
     * @param maxParked  the most memories kept; past it the least used are forgotten
     * @param ticker     the cache's clock; the system's in production, a manual one in tests
     * @param packing    how a memory is held while parked
     */
    ParkedEntities(Duration parkAfter, long maxParked, Ticker ticker, MemoryPacking packing) {
        this.parkAfter = parkAfter;
        this.packing = packing;
        this.parked = Caffeine.newBuilder()
                .maximumSize(maxParked)
                .expireAfter(Expiry.creating((Key key, Parked entry) -> entry.keepFor()))
                .ticker(ticker)
                // Its upkeep (a few entries per park) on the parking thread: no pool hop, and tests see it at once.
                .executor(Runnable::run)
                // Expired memories leave even when nothing else touches the cache.
                .scheduler(Scheduler.systemScheduler())
                .build();
    }

    public static ParkedEntities get(ActorSystem<?> system) {
        return ID.apply(system);
    }

    /** How long an entity stays resident without an event before it is parked. */
    public Duration parkAfter() {
        return parkAfter;
    }

    /**
     * Whether entities with {@code settings} are parked: only when they would go quiet for park-after before
     * their idle timeout.
     */
    public boolean parks(EntitySettings settings) {
        return parkAfter.compareTo(settings.idleTimeout()) < 0;
    }

    /** The memories parked now (an estimate: expired entries may not have left yet). */
    public long count() {
        return parked.estimatedSize();
    }

    /** Where entity {@code entityId} of {@code type} parks its memory; its deadlines are those of {@code settings}. */
    public <S extends EntityState> ParkingSpot<S> spot(
            EntityTypeKey<?> type, String entityId, EntitySettings settings) {
        return new Spot<>(new Key(type.name(), entityId), settings);
    }

    private final class Spot<S extends EntityState> implements ParkingSpot<S> {
        private final Key key;
        private final EntitySettings settings;

        Spot(Key key, EntitySettings settings) {
            this.key = key;
            this.settings = settings;
        }

        @Override
        @SuppressWarnings("unchecked") // only this entity's type parks under its key
        public Optional<EntityMemory<S>> takeBack() {
            Parked entry = parked.asMap().remove(key);
            return entry == null
                    ? Optional.empty()
                    : packing.unpack(entry.held()).map(memory -> (EntityMemory<S>) memory);
        }

        @Override
        public void park(EntityMemory<S> memory, boolean ended) {
            // It has been quiet for park-after already (or was handed over): what is left of its time.
            Duration time = ended ? settings.retentionAfterEnd() : settings.idleTimeout();
            Duration left = time.minus(parkAfter);
            parked.put(key, new Parked(packing.pack(memory), left.isNegative() ? Duration.ZERO : left));
        }
    }

    /**
     * {@code switchboard.entity.park-after}, {@code max-parked} (0: from the heap, as admission does) and
     * {@code park-serialized} (with {@code serialization}'s serializers, or as they are).
     */
    static ParkedEntities from(Config switchboard, long maxHeapBytes, Serialization serialization) {
        Config entity = switchboard.getConfig("entity");
        long maxParked = entity.getLong("max-parked");
        if (maxParked < 0) {
            throw new IllegalArgumentException(
                    "switchboard.entity.max-parked must be 0 (from the heap) or more, was " + maxParked);
        }
        if (maxParked == 0) {
            double share = switchboard.getDouble("admission.heap-fraction");
            maxParked = Math.max(1, (long) (maxHeapBytes * share / entity.getBytes("parked-heap-per-entity")));
        }
        Duration parkAfter = entity.getDuration("park-after");
        if (parkAfter.isNegative() || parkAfter.isZero()) {
            throw new IllegalArgumentException(
                    "switchboard.entity.park-after (SWITCHBOARD_ENTITY_PARK_AFTER) must be positive, was " + parkAfter);
        }
        MemoryPacking packing =
                entity.getBoolean("park-serialized") ? MemoryPacking.serializedBy(serialization) : MemoryPacking.AS_IS;
        return new ParkedEntities(parkAfter, maxParked, Ticker.systemTicker(), packing);
    }

    private static final class Id extends ExtensionId<ParkedEntities> {
        @Override
        public ParkedEntities createExtension(ActorSystem<?> system) {
            return from(
                    system.settings().config().getConfig("switchboard"),
                    Runtime.getRuntime().maxMemory(),
                    SerializationExtension.get(Adapter.toClassic(system)));
        }
    }
}
