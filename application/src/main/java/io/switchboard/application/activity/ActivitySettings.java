package io.switchboard.application.activity;

import com.typesafe.config.Config;

/**
 * The {@code switchboard.activity} section: how much each node's index of recent calls and conferences holds,
 * and how far a live viewer may fall behind.
 *
 * @param capacity        calls and conferences each node's index remembers; the least recently active go first
 * @param eventsPerEntity events kept per call or conference in the index
 * @param liveBuffer      events a live viewer may have not yet taken before its stream is closed
 */
public record ActivitySettings(int capacity, int eventsPerEntity, int liveBuffer) {
    public ActivitySettings {
        if (capacity < 1 || eventsPerEntity < 1 || liveBuffer < 1) {
            throw new IllegalArgumentException("switchboard.activity.* must be positive: capacity " + capacity
                    + ", events-per-entity " + eventsPerEntity + ", live-buffer " + liveBuffer);
        }
    }

    public static ActivitySettings from(Config root) {
        Config config = root.getConfig("switchboard.activity");
        return new ActivitySettings(
                config.getInt("capacity"), config.getInt("events-per-entity"), config.getInt("live-buffer"));
    }
}
