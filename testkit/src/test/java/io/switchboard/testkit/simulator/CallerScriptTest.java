package io.switchboard.testkit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.switchboard.domain.common.Direction;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CallerScriptTest {

    @Test
    void readsProfilesFaultsAndDefaults() {
        CallerScript script = CallerScript.fromConfig(ConfigFactory.parseString("""
                to = "+15550001111"
                callers = [
                  { name = pressing, weight = 3, direction = outbound, presses = ["1", "", "42#"], hang-up-after-events = 4 }
                  { name = patient, record-for = 45s }
                ]
                faults { duplicate = 0.25, slow { probability = 0.5, delay = 20ms } }
                """));

        CallerProfile pressing = script.callers().get(0);
        assertEquals(Direction.OUTBOUND, pressing.direction());
        assertEquals(List.of("1", "", "42#"), pressing.presses());
        assertEquals(4, pressing.hangUpAfterEvents());
        assertEquals(Duration.ofSeconds(45), script.callers().get(1).recordFor());
        assertEquals(Direction.INBOUND, script.callers().get(1).direction());
        assertEquals(new Faults(0.25, 0, 0, 0.5, Duration.ofMillis(20)), script.faults());
        assertEquals("+15550001111", script.to());
    }

    @Test
    void picksProfilesByWeight() {
        CallerScript script = CallerScript.of(
                new CallerProfile(
                        "often",
                        3,
                        Direction.INBOUND,
                        null,
                        List.of(),
                        null,
                        null,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        true),
                CallerProfile.silent("rarely"));
        SplittableRandom random = new SplittableRandom(7);
        long often = java.util.stream.IntStream.range(0, 4000)
                .filter(i -> script.pick(random).name().equals("often"))
                .count();
        assertTrue(often > 2800 && often < 3200, "about three in four, was " + often);
    }

    @Test
    void aWrongValueIsNamedWithItsCaller() {
        IllegalArgumentException wrongDirection = assertThrows(
                IllegalArgumentException.class,
                () -> CallerScript.fromConfig(
                        ConfigFactory.parseString("callers = [{ name = x, direction = sideways }]")));
        assertTrue(
                wrongDirection.getMessage().contains("caller 'x'")
                        && wrongDirection.getMessage().contains("inbound, outbound"),
                wrongDirection.getMessage());

        IllegalArgumentException badKeys = assertThrows(
                IllegalArgumentException.class,
                () -> CallerScript.fromConfig(
                        ConfigFactory.parseString("callers = [{ name = y, presses = [\"1a\"] }]")));
        assertTrue(badKeys.getMessage().contains("0-9, * and #"), badKeys.getMessage());

        IllegalArgumentException notAProbability = assertThrows(
                IllegalArgumentException.class,
                () -> CallerScript.fromConfig(ConfigFactory.parseString("faults.duplicate = 2")));
        assertTrue(notAProbability.getMessage().contains("faults.duplicate"), notAProbability.getMessage());
    }
}
