package io.switchboard.bootstrap.demo;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The demo IVR's settings ({@code switchboard.demo}).
 *
 * @param transferTo      the number option 1 transfers to
 * @param conferenceName  the conference option 3 joins
 * @param menuAttempts    how often the menu is offered without a valid choice before the call is hung up
 * @param machineDetectionWait how long a placed call that was answered waits for machine detection before the
 *                        menu plays anyway
 */
public record DemoSettings(String transferTo, String conferenceName, int menuAttempts, Duration machineDetectionWait) {

    public DemoSettings {
        if (menuAttempts < 1) {
            throw new IllegalArgumentException(
                    "switchboard.demo.menu-attempts must be at least 1, was " + menuAttempts);
        }
        // It becomes a <Pause>, which takes 0.1 to 86400 seconds.
        if (machineDetectionWait.compareTo(Duration.ofMillis(100)) < 0
                || machineDetectionWait.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(
                    "switchboard.demo.machine-detection-wait must be between 100ms and 1d, was "
                            + machineDetectionWait);
        }
    }

    /** With the default wait for machine detection, 10 s. */
    public DemoSettings(String transferTo, String conferenceName, int menuAttempts) {
        this(transferTo, conferenceName, menuAttempts, Duration.ofSeconds(10));
    }

    public static DemoSettings from(Config root) {
        Config demo = root.getConfig("switchboard.demo");
        return new DemoSettings(
                demo.getString("transfer-to"),
                demo.getString("conference-name"),
                demo.getInt("menu-attempts"),
                demo.getDuration("machine-detection-wait"));
    }
}
