package io.switchboard.application.durability;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code switchboard.durability} section: whether call and conference entities keep their memory in a
 * journal, and how the journal is kept small. The journal itself (the Akka Persistence plugin and its database)
 * is configured by whoever runs the actor system; the service does it in its bootstrap.
 *
 * @param mode           {@link Mode#JOURNAL}: every answered event is stored before its reply goes out, and an
 *                       entity started on any node recovers its memory; {@link Mode#MEMORY}: nothing is stored
 * @param snapshotEvery  a snapshot of an entity's memory every this many stored events, so that its recovery
 *                       replays at most that many
 * @param retention      the events and snapshots of a call or conference that ended longer ago than this are
 *                       deleted
 * @param sweepInterval  how often the retention job looks for them
 */
public record DurabilitySettings(Mode mode, int snapshotEvery, Duration retention, Duration sweepInterval) {

    public enum Mode {
        JOURNAL, MEMORY
    }

    public DurabilitySettings {
        Objects.requireNonNull(mode, "mode");
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshot-every must be at least 1, was " + snapshotEvery);
        }
        requirePositive("retention", retention);
        requirePositive("retention-sweep-interval", sweepInterval);
    }

    public static DurabilitySettings from(Config durability) {
        String mode = durability.getString("mode");
        Mode parsed;
        try {
            parsed = Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(
                    "switchboard.durability.mode (SWITCHBOARD_DURABILITY) must be journal or memory, was " + mode);
        }
        return new DurabilitySettings(parsed, durability.getInt("snapshot-every"), durability.getDuration("retention"),
                durability.getDuration("retention-sweep-interval"));
    }

    public boolean journaled() {
        return mode == Mode.JOURNAL;
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("switchboard.durability." + name + " must be positive, was " + value);
        }
    }
}
