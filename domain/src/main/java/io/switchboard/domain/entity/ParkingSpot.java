package io.switchboard.domain.entity;

import java.util.Optional;

/**
 * Where one entity's memory waits while the entity is not resident: an idle call need not be an actor. The
 * entity takes its memory back when it starts again (its next event, a redelivery, an inspection), and parks it
 * when its owner stops it, so it continues as if it had stayed. A port: the store behind it (bounded, node-local,
 * expiring what nobody came back for) is the application's.
 */
public interface ParkingSpot<S extends EntityState> {

    /** The memory parked here, if any (and not expired); it leaves the spot. */
    Optional<EntityMemory<S>> takeBack();

    /**
     * Keeps {@code memory} until the entity starts again, or until an idle call's idle timeout (an ended one's
     * retention after its end) has passed.
     */
    void park(EntityMemory<S> memory, boolean ended);

    /**
     * Whether memories park here. An entity whose spot parks keeps no idle timer: its owner stops it once idle,
     * and its parked memory expires on the idle timeout.
     */
    default boolean parks() {
        return true;
    }

    /** No parking: an entity that stops forgets its memory, and passivates itself once idle. */
    static <S extends EntityState> ParkingSpot<S> none() {
        return new ParkingSpot<>() {
            @Override
            public Optional<EntityMemory<S>> takeBack() {
                return Optional.empty();
            }

            @Override
            public void park(EntityMemory<S> memory, boolean ended) {}

            @Override
            public boolean parks() {
                return false;
            }
        };
    }
}
