package io.switchboard.testkit.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One simulation run.
 *
 * @param target          the URL the first webhook of every call goes to (the application's
 *                        CallInitiatedCallbackUrl, or createCall's answerUrl); callbacks are only followed to
 *                        its scheme, host and port
 * @param statusUrl       where disconnects go (the application's CallStatusCallbackUrl)
 * @param calls           how many calls to play
 * @param concurrency     at most this many calls at once
 * @param rate            calls started per second of real time; 0 starts them as fast as concurrency allows
 * @param seed            makes every call's choices (profile, faults, numbers) reproducible
 * @param callbackTimeout Bandwidth's callback timeout: slower replies are a violation (and, with the HTTP
 *                        transport, are given up on)
 * @param deadline        the reply deadline the service promises: slower replies are a violation
 */
public record SimulationPlan(
        URI target,
        URI statusUrl,
        int calls,
        int concurrency,
        double rate,
        CallerScript script,
        long seed,
        Duration callbackTimeout,
        Duration deadline) {

    public SimulationPlan {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(statusUrl, "statusUrl");
        for (URI url : new URI[] {target, statusUrl}) {
            if (!url.isAbsolute() || url.getHost() == null) {
                throw new IllegalArgumentException("the URL must be absolute with a host, was " + url);
            }
        }
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be at least 1, was " + calls);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be 0 (unlimited) or a positive number, was " + rate);
        }
        Objects.requireNonNull(script, "script");
        requirePositive("callbackTimeout", callbackTimeout);
        requirePositive("deadline", deadline);
    }

    /** {@code calls} calls to {@code target} (disconnects there too), Bandwidth's 15 s timeout, a 5 s deadline. */
    public static SimulationPlan of(URI target, int calls, int concurrency, CallerScript script) {
        return new SimulationPlan(
                target, target, calls, concurrency, 0, script, 1, Duration.ofSeconds(15), Duration.ofSeconds(5));
    }

    public SimulationPlan withRate(double callsPerSecond) {
        return new SimulationPlan(
                target, statusUrl, calls, concurrency, callsPerSecond, script, seed, callbackTimeout, deadline);
    }

    public SimulationPlan withSeed(long value) {
        return new SimulationPlan(
                target, statusUrl, calls, concurrency, rate, script, value, callbackTimeout, deadline);
    }

    /** Whether {@code url} is on the service under test: the target's scheme, host and port. */
    boolean isOnTarget(URI url) {
        return sameOrigin(target, url);
    }

    /** Whether {@code url} has {@code target}'s scheme, host and port: the simulator follows it there. */
    public static boolean sameOrigin(URI target, URI url) {
        return target.getScheme().equalsIgnoreCase(url.getScheme())
                && target.getHost().equalsIgnoreCase(url.getHost())
                && port(target) == port(url);
    }

    private static int port(URI url) {
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
