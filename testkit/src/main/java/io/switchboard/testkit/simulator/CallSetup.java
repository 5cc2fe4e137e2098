package io.switchboard.testkit.simulator;

import io.switchboard.domain.common.Direction;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * How one simulated call starts.
 *
 * @param index     the call's number in its run, from 0; part of its call id
 * @param profile   the caller profile's name, for reports
 * @param applicationId the Bandwidth application the call's events name
 * @param target    where the first webhook ({@code initiate} or {@code answer}) goes
 * @param statusUrl where the {@code disconnect} goes (the application's status callback, or createCall's
 *                  disconnectUrl)
 * @param startTime when the call starts on its virtual clock
 * @param seed      the call's own random source: its faults depend on nothing else
 * @param caller    the person placing or taking the call
 */
public record CallSetup(
        int index,
        String profile,
        String applicationId,
        Direction direction,
        String from,
        String to,
        URI target,
        URI statusUrl,
        Instant startTime,
        long seed,
        Caller caller) {
    public CallSetup {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(statusUrl, "statusUrl");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(caller, "caller");
    }
}
