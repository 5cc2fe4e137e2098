package io.switchboard.bootstrap.demo;

import com.typesafe.config.Config;

/**
 * The demo IVR's settings ({@code switchboard.demo}).
 *
 * @param publicUrl       where Bandwidth reaches this service; the callback URLs in the BXML start with it
 * @param transferTo      the number option 1 transfers to
 * @param conferenceName  the conference option 3 joins
 * @param menuAttempts    how often the menu is offered without a valid choice before the call is hung up
 */
public record DemoSettings(String publicUrl, String transferTo, String conferenceName, int menuAttempts) {

    public DemoSettings {
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        if (menuAttempts < 1) {
            throw new IllegalArgumentException("switchboard.demo.menu-attempts must be at least 1, was " + menuAttempts);
        }
    }

    public static DemoSettings from(Config root) {
        Config demo = root.getConfig("switchboard.demo");
        return new DemoSettings(root.getString("switchboard.public-url"), demo.getString("transfer-to"),
                demo.getString("conference-name"), demo.getInt("menu-attempts"));
    }

    /** The URL of one of this service's webhook channels, e.g. {@code gather}. */
    public String channelUrl(String channel) {
        return publicUrl + "/voice/" + channel;
    }

    /** The one URL for every event type, for callbacks that carry several (conference events). */
    public String anyEventUrl() {
        return publicUrl + "/voice";
    }
}
