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
 * @param mode              {@link Mode#JOURNAL}: every answered event is stored before its reply goes out, and
 *                          an entity started on any node recovers its memory; {@link Mode#MEMORY}: nothing is
 *                          stored
 * @param snapshotEvery     a snapshot of an entity's memory every this many stored events, so that its recovery
 *                          replays at most that many
 * @param retention         the events and snapshots of a call or conference that ended longer ago than this are
 *                          deleted
 * @param sweep             how the retention job looks for them
 */
public record DurabilitySettings(Mode mode, int snapshotEvery, Duration retention, RetentionSweep sweep) {

    public enum Mode {
        JOURNAL,
        MEMORY
    }

    /**
     * @param interval          how often the retention job looks for ended entities
     * @param firstAfter        how long after it starts (it moves with the oldest node) it looks first
     * @param purgesAtOnce      how many entities it asks to purge at the same time
     * @param readJournalPlugin the Akka Persistence Query plugin it finds ended entities with (by their tag)
     */
    public record RetentionSweep(Duration interval, Duration firstAfter, int purgesAtOnce, String readJournalPlugin) {
        public RetentionSweep {
            requirePositive("retention-sweep.interval", interval);
            requirePositive("retention-sweep.first-after", firstAfter);
            if (purgesAtOnce < 1) {
                throw new IllegalArgumentException(
                        "switchboard.durability.retention-sweep.purges-at-once must be at least 1, was "
                                + purgesAtOnce);
            }
            Objects.requireNonNull(readJournalPlugin, "readJournalPlugin");
        }
    }

    public DurabilitySettings {
        Objects.requireNonNull(mode, "mode");
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException(
                    "switchboard.durability.snapshot-every must be at least 1, was " + snapshotEvery);
        }
        requirePositive("retention", retention);
        Objects.requireNonNull(sweep, "sweep");
    }

    /** These settings in memory mode. */
    public DurabilitySettings inMemory() {
        return new DurabilitySettings(Mode.MEMORY, snapshotEvery, retention, sweep);
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
        Config sweep = durability.getConfig("retention-sweep");
        return new DurabilitySettings(
                parsed,
                durability.getInt("snapshot-every"),
                durability.getDuration("retention"),
                new RetentionSweep(
                        sweep.getDuration("interval"),
                        sweep.getDuration("first-after"),
                        sweep.getInt("purges-at-once"),
                        sweep.getString("read-journal-plugin")));
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
