package io.switchboard.testkit.simulator;

import io.switchboard.domain.common.Direction;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One kind of caller in a simulated population (one entry of a script's {@code callers} list).
 *
 * @param name              for reports
 * @param weight            how often this kind is picked relative to the others, at least 1
 * @param direction         inbound: Bandwidth sends {@code initiate}; outbound: {@code answer}
 * @param from              the caller's number; {@code null}: a random one
 * @param presses           the keys pressed at each successive {@code <Gather>}; an empty entry, or running out of
 *                          entries, lets the gather time out
 * @param hangUpAfterEvents hangs up once this many events of the call were answered; {@code null}: never
 * @param hangUpAt          hangs up when the call reaches the first verb of this name (e.g. {@code Record}: the
 *                          message is left by hanging up); {@code null}: never
 * @param recordFor         how long the caller speaks into a {@code <Record>} (capped by its maxDuration)
 * @param stayInConference  how long the caller stays in a {@code <Conference>} before hanging up
 * @param talkAfterTransfer how long the bridged transfer lasts before the target hangs up
 * @param transferAnswered  whether transfer targets pick up
 */
public record CallerProfile(
        String name,
        int weight,
        Direction direction,
        String from,
        List<String> presses,
        Integer hangUpAfterEvents,
        String hangUpAt,
        Duration recordFor,
        Duration stayInConference,
        Duration talkAfterTransfer,
        boolean transferAnswered) {

    public CallerProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name of a caller profile must not be blank");
        }
        if (weight < 1) {
            throw new IllegalArgumentException("weight of caller '" + name + "' must be at least 1, was " + weight);
        }
        Objects.requireNonNull(direction, "direction");
        presses = List.copyOf(presses);
        for (String keys : presses) {
            if (!keys.isEmpty()) {
                CallerMove.press(keys);
            }
        }
        if (hangUpAfterEvents != null && hangUpAfterEvents < 1) {
            throw new IllegalArgumentException(
                    "hang-up-after-events of caller '" + name + "' must be at least 1, was " + hangUpAfterEvents);
        }
        requirePositive(name, "record-for", recordFor);
        requirePositive(name, "stay-in-conference", stayInConference);
        requirePositive(name, "talk-after-transfer", talkAfterTransfer);
    }

    /** An inbound caller who never presses a key and never hangs up first. */
    public static CallerProfile silent(String name) {
        return new CallerProfile(
                name,
                1,
                Direction.INBOUND,
                null,
                List.of(),
                null,
                null,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(20),
                true);
    }

    private static void requirePositive(String name, String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " of caller '" + name + "' must be positive, was " + value);
        }
    }
}
