package io.switchboard.testkit.simulator;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.common.WireValue;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A simulated population: kinds of callers with weights, the faults to inject and the call's fixed details.
 * Read from a HOCON file ({@code docs/simulator.md} describes the format; {@code docs/examples/demo-callers.conf}
 * is an example).
 *
 * @param callers         at least one
 * @param to              the number callers dial (inbound), or that outbound calls come from
 * @param startTime       the virtual time the first call starts at; each later one a little after
 * @param maxEventsPerCall a caller still on the line after this many events hangs up (a flow that loops for ever
 *                        must not hold a simulation)
 */
public record CallerScript(
        List<CallerProfile> callers,
        Faults faults,
        String to,
        String accountId,
        String applicationId,
        Instant startTime,
        int maxEventsPerCall) {

    private static final Config DEFAULTS = ConfigFactory.parseString("""
            to = "+15553334444"
            account-id = "9900000"
            application-id = "04e88489-df02-4e34-a0ee-27a91849555f"
            start-time = "2026-01-05T09:00:00Z"
            max-events-per-call = 100
            faults { duplicate = 0, lost-reply = 0, reorder-async = 0, slow { probability = 0, delay = 0s } }
            """);
    private static final Config CALLER_DEFAULTS = ConfigFactory.parseString("""
            weight = 1
            direction = inbound
            presses = []
            record-for = 10s
            stay-in-conference = 30s
            talk-after-transfer = 20s
            transfer-answered = true
            """);

    public CallerScript {
        callers = List.copyOf(callers);
        if (callers.isEmpty()) {
            throw new IllegalArgumentException("callers must list at least one caller profile");
        }
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(startTime, "startTime");
        if (maxEventsPerCall < 2) {
            throw new IllegalArgumentException("max-events-per-call must be at least 2, was " + maxEventsPerCall);
        }
    }

    /** One kind of caller, inbound, who never presses a key; no faults. */
    public static CallerScript of(CallerProfile... callers) {
        return fromConfig(ConfigFactory.empty()).withCallers(List.of(callers));
    }

    /** Reads a script file. */
    public static CallerScript read(File file) {
        if (!file.isFile()) {
            throw new IllegalArgumentException("no script file " + file);
        }
        try {
            return fromConfig(ConfigFactory.parseFile(file).resolve());
        } catch (ConfigException unreadable) {
            throw new IllegalArgumentException("script " + file + ": " + unreadable.getMessage(), unreadable);
        }
    }

    /** A script from parsed HOCON; without {@code callers}, one silent inbound caller. */
    public static CallerScript fromConfig(Config script) {
        try {
            Config config = script.withFallback(DEFAULTS);
            List<CallerProfile> callers = new ArrayList<>();
            if (config.hasPath("callers")) {
                for (Config caller : config.getConfigList("callers")) {
                    callers.add(profile(caller.withFallback(CALLER_DEFAULTS)));
                }
            } else {
                callers.add(CallerProfile.silent("caller"));
            }
            Config faults = config.getConfig("faults");
            return new CallerScript(
                    callers,
                    new Faults(
                            faults.getDouble("duplicate"),
                            faults.getDouble("lost-reply"),
                            faults.getDouble("reorder-async"),
                            faults.getDouble("slow.probability"),
                            faults.getDuration("slow.delay")),
                    config.getString("to"),
                    config.getString("account-id"),
                    config.getString("application-id"),
                    instant(config, "start-time"),
                    config.getInt("max-events-per-call"));
        } catch (ConfigException wrong) {
            throw new IllegalArgumentException(wrong.getMessage(), wrong);
        }
    }

    /** The same script with other callers. */
    public CallerScript withCallers(List<CallerProfile> profiles) {
        return new CallerScript(profiles, faults, to, accountId, applicationId, startTime, maxEventsPerCall);
    }

    /** The same script with other faults. */
    public CallerScript withFaults(Faults injected) {
        return new CallerScript(callers, injected, to, accountId, applicationId, startTime, maxEventsPerCall);
    }

    /** A caller profile drawn by weight. */
    CallerProfile pick(SplittableRandom random) {
        int total = callers.stream().mapToInt(CallerProfile::weight).sum();
        int draw = random.nextInt(total);
        for (CallerProfile caller : callers) {
            draw -= caller.weight();
            if (draw < 0) {
                return caller;
            }
        }
        throw new IllegalStateException("weights changed while drawing");
    }

    private static CallerProfile profile(Config caller) {
        String name = caller.getString("name");
        try {
            return new CallerProfile(
                    name,
                    caller.getInt("weight"),
                    WireValue.parse(Direction.class, "direction", caller.getString("direction")),
                    caller.hasPath("from") ? caller.getString("from") : null,
                    caller.getStringList("presses"),
                    caller.hasPath("hang-up-after-events") ? caller.getInt("hang-up-after-events") : null,
                    caller.hasPath("hang-up-at") ? caller.getString("hang-up-at") : null,
                    caller.getDuration("record-for"),
                    caller.getDuration("stay-in-conference"),
                    caller.getDuration("talk-after-transfer"),
                    caller.getBoolean("transfer-answered"));
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("caller '" + name + "': " + invalid.getMessage(), invalid);
        }
    }

    private static Instant instant(Config config, String path) {
        try {
            return Instant.parse(config.getString(path));
        } catch (DateTimeParseException wrong) {
            throw new ConfigException.BadValue(
                    config.origin(), path, "must be an ISO-8601 instant such as " + "2026-01-05T09:00:00Z");
        }
    }

    /** How long after the previous call each call starts, on the virtual clock. */
    static Duration interArrival(double callsPerSecond) {
        return callsPerSecond > 0 ? Duration.ofNanos((long) (1e9 / callsPerSecond)) : Duration.ofMillis(100);
    }
}
