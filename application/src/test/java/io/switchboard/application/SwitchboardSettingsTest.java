package io.switchboard.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.switchboard.application.durability.DurabilitySettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SwitchboardSettingsTest {

    private static SwitchboardSettings settings(String overrides) {
        Config config = ConfigFactory.parseString(overrides)
                .withFallback(ConfigFactory.load())
                .resolve();
        return SwitchboardSettings.from(config);
    }

    @Test
    void inMemoryModeEntitiesStayResidentAsLongAsTheEntitySectionSays() {
        SwitchboardSettings memory = settings("switchboard.durability.mode = memory");

        assertEquals(DurabilitySettings.Mode.MEMORY, memory.durability().mode());
        assertEquals(Duration.ofHours(2), memory.entity().idleTimeout());
        assertEquals(Duration.ofMinutes(10), memory.entity().retentionAfterEnd());
    }

    @Test
    void inJournalModeEntitiesLeaveMemorySoonerAsTheJournalKeepsWhatTheyKnew() {
        SwitchboardSettings journal = settings("switchboard.durability.mode = journal");

        assertEquals(Duration.ofMinutes(10), journal.entity().idleTimeout());
        assertEquals(Duration.ofSeconds(30), journal.entity().retentionAfterEnd());
    }

    @Test
    void eachModeReadsItsOwnResidencySettings() {
        String both = """
                switchboard.entity { idle-timeout = 3h, retention-after-end = 20m }
                switchboard.durability.resident { idle-timeout = 5m, retention-after-end = 2m }
                """;

        SwitchboardSettings memory = settings(both + "switchboard.durability.mode = memory");
        SwitchboardSettings journal = settings(both + "switchboard.durability.mode = journal");

        assertEquals(Duration.ofHours(3), memory.entity().idleTimeout());
        assertEquals(Duration.ofMinutes(20), memory.entity().retentionAfterEnd());
        assertEquals(Duration.ofMinutes(5), journal.entity().idleTimeout());
        assertEquals(Duration.ofMinutes(2), journal.entity().retentionAfterEnd());
        assertEquals(
                journal.entity().flowTimeout(),
                memory.entity().flowTimeout(),
                "the rest of the entity section applies in both modes");
    }

    @Test
    void aNegativeListenerBatchIntervalIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> settings("switchboard.listener-batch-interval = -1s"));

        assertTrue(
                refused.getMessage().contains("switchboard.listener-batch-interval must be 0s or more"),
                refused.getMessage());
    }
}
