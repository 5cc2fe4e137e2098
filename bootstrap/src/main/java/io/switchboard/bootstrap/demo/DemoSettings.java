package io.switchboard.bootstrap.demo;

import com.typesafe.config.Config;

/**
 * The demo IVR's settings ({@code switchboard.demo}).
 *
 * @param transferTo      the number option 1 transfers to
 * @param conferenceName  the conference option 3 joins
 * @param menuAttempts    how often the menu is offered without a valid choice before the call is hung up
 */
public record DemoSettings(String transferTo, String conferenceName, int menuAttempts) {

    public DemoSettings {
        if (menuAttempts < 1) {
            throw new IllegalArgumentException(
                    "switchboard.demo.menu-attempts must be at least 1, was " + menuAttempts);
        }
    }

    public static DemoSettings from(Config root) {
        Config demo = root.getConfig("switchboard.demo");
        return new DemoSettings(
                demo.getString("transfer-to"), demo.getString("conference-name"), demo.getInt("menu-attempts"));
    }
}
