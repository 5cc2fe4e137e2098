package io.switchboard.bootstrap;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads the service's configuration: {@code -D} system properties over {@code SWITCHBOARD_*} environment
 * variables over {@code application.conf} over the libraries' {@code reference.conf}. Most variables are
 * substituted in {@code application.conf} itself; the list-valued ones are split here, as HOCON cannot split
 * a comma-separated variable.
 */
public final class SwitchboardConfig {
    static final String SEED_NODES = "SWITCHBOARD_SEED_NODES";
    static final String ROLES = "SWITCHBOARD_ROLES";
    static final String CONTACT_POINTS = "SWITCHBOARD_CONTACT_POINTS";
    static final String PUBLIC_URL = "switchboard.public-url";
    /** Read by logback.xml itself; checked here, as logback would only print a status line for a wrong one. */
    static final String LOG_FORMAT = "SWITCHBOARD_LOG_FORMAT";

    private static final Set<String> LOG_FORMATS = Set.of("text", "json");
    private static final Set<String> DURABILITIES = Set.of("journal", "memory");

    static final String SBR_STRATEGY = "akka.cluster.split-brain-resolver.active-strategy";
    private static final Set<String> SBR_STRATEGIES =
            Set.of("keep-majority", "keep-oldest", "static-quorum", "down-all", "lease-majority");
    private static final String SERVICE_NAME = "akka.management.cluster.bootstrap.contact-point-discovery.service-name";

    private SwitchboardConfig() {}

    public static Config load() {
        return load(System.getenv());
    }

    static Config load(Map<String, String> environment) {
        String logFormat = environment.get(LOG_FORMAT);
        if (logFormat != null && !LOG_FORMATS.contains(logFormat)) {
            throw new IllegalArgumentException(
                    LOG_FORMAT + " must be one of json, text, was '" + logFormat + "'; leave it unset for text");
        }
        Config fromEnvironment = ConfigFactory.empty();
        List<String> seeds = commaSeparated(environment.get(SEED_NODES));
        if (!seeds.isEmpty()) {
            fromEnvironment =
                    fromEnvironment.withValue("akka.cluster.seed-nodes", ConfigValueFactory.fromIterable(seeds));
        }
        List<String> roles = commaSeparated(environment.get(ROLES));
        if (!roles.isEmpty()) {
            fromEnvironment = fromEnvironment.withValue("akka.cluster.roles", ConfigValueFactory.fromIterable(roles));
        }
        fromEnvironment = FlowLoader.applicationClasses(
                        FlowLoader.APPLICATIONS_VARIABLE,
                        commaSeparated(environment.get(FlowLoader.APPLICATIONS_VARIABLE)))
                .withFallback(fromEnvironment);
        ConfigFactory.invalidateCaches();
        Config config = ConfigFactory.systemProperties()
                .withFallback(fromEnvironment)
                .withFallback(ConfigFactory.load())
                .resolve();
        List<String> contactPoints = commaSeparated(environment.get(CONTACT_POINTS));
        if (!contactPoints.isEmpty()) {
            // Listed under the service name discovery looks up, which the configuration itself may set.
            String path = "akka.discovery.config.services.\"" + config.getString(SERVICE_NAME) + "\".endpoints";
            config = config.withValue(
                    path,
                    ConfigValueFactory.fromIterable(contactPoints.stream()
                            .map(SwitchboardConfig::endpoint)
                            .toList()));
        }
        return validated(config);
    }

    /**
     * {@code config} itself, if every value an operator sets is usable; otherwise a refusal whose message, one line,
     * names the variable at fault and says how to fix it.
     */
    static Config validated(Config config) {
        requireOneOf(config, SBR_STRATEGY, "SWITCHBOARD_SBR_STRATEGY", SBR_STRATEGIES);
        requireOneOf(config, "switchboard.durability.mode", "SWITCHBOARD_DURABILITY", DURABILITIES);
        requirePort(config, "switchboard.http.port", "SWITCHBOARD_HTTP_PORT");
        requirePort(config, "akka.management.http.port", "SWITCHBOARD_MANAGEMENT_PORT");
        requirePort(config, "akka.remote.artery.canonical.port", "SWITCHBOARD_REMOTE_PORT");
        requireCount(
                config, "switchboard.http.limits.max-in-flight", "SWITCHBOARD_HTTP_MAX_IN_FLIGHT", "webhooks", 512);
        requireCount(
                config,
                "switchboard.http.limits.max-connections",
                "SWITCHBOARD_HTTP_MAX_CONNECTIONS",
                "connections",
                1024);
        requireDuration(config, "switchboard.warm-up.max-duration", "SWITCHBOARD_WARM_UP_MAX_DURATION", "5s", true);
        requireCount(
                config, "switchboard.warm-up.until-rate", "SWITCHBOARD_WARM_UP_UNTIL_RATE", "webhooks a second", 1500);
        requireCount(
                config,
                "switchboard.warm-up.connections.count",
                "SWITCHBOARD_WARM_UP_CONNECTIONS",
                "connections",
                5000,
                true);
        requireCount(
                config,
                "switchboard.warm-up.connections.at-once",
                "switchboard.warm-up.connections.at-once",
                "connections",
                2);
        requireDuration(
                config,
                "switchboard.warm-up.connections.timeout",
                "switchboard.warm-up.connections.timeout",
                "5s",
                false);
        requireDuration(
                config, "switchboard.http.limits.body-timeout", "switchboard.http.limits.body-timeout", "5s", false);
        requireBothOrNeither(
                config, "switchboard.http.webhook-", "SWITCHBOARD_WEBHOOK_", "to require HTTP Basic auth on webhooks");
        requireBothOrNeither(config, "switchboard.admin.", "SWITCHBOARD_ADMIN_", "to turn the admin API on");
        return config;
    }

    /** @param zeroMeansNone whether 0s is allowed (and turns the thing off) */
    private static void requireDuration(
            Config config, String path, String variable, String unsetDefault, boolean zeroMeansNone) {
        try {
            java.time.Duration value = config.getDuration(path);
            if (!value.isNegative() && (zeroMeansNone || !value.isZero())) {
                return;
            }
        } catch (ConfigException.BadValue | ConfigException.WrongType notADuration) {
            // refused below, naming the variable
        }
        String expected =
                zeroMeansNone ? "a duration such as 500ms or 2s (0s: none)" : "a positive duration such as 500ms or 2s";
        throw new IllegalArgumentException(variable + " must be " + expected + ", was '"
                + config.getValue(path).unwrapped() + "'; leave it unset for " + unsetDefault);
    }

    private static void requireCount(Config config, String path, String variable, String what, int unsetDefault) {
        requireCount(config, path, variable, what, unsetDefault, false);
    }

    /** @param zeroMeansNone whether 0 is allowed (and turns the thing off) */
    private static void requireCount(
            Config config, String path, String variable, String what, int unsetDefault, boolean zeroMeansNone) {
        String value = config.getString(path);
        if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < (zeroMeansNone ? 0 : 1)) {
            String expected = zeroMeansNone ? "a number of " + what + " (0: none)" : "a positive number of " + what;
            throw new IllegalArgumentException(
                    variable + " must be " + expected + ", was '" + value + "'; leave it unset for " + unsetDefault);
        }
    }

    private static void requireOneOf(Config config, String path, String variable, Set<String> allowed) {
        String value = config.getString(path);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(variable + " must be one of " + String.join(", ", new TreeSet<>(allowed))
                    + ", was '" + value + "'");
        }
    }

    private static void requirePort(Config config, String path, String variable) {
        String port = config.getString(path);
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65_535) {
            throw new IllegalArgumentException(
                    variable + " must be a port number from 0 to 65535 (0: any free port)," + " was '" + port + "'");
        }
    }

    /** {@code <prefix>user} and {@code <prefix>password}: both or neither, the user without a ':'. */
    private static void requireBothOrNeither(Config config, String prefix, String variablePrefix, String purpose) {
        boolean user = !config.getString(prefix + "user").isEmpty();
        boolean password = !config.getString(prefix + "password").isEmpty();
        if (user != password) {
            throw new IllegalArgumentException(variablePrefix + (user ? "USER" : "PASSWORD") + " is set but "
                    + variablePrefix + (user ? "PASSWORD" : "USER") + " is not: set both " + purpose
                    + ", or neither");
        }
        if (config.getString(prefix + "user").contains(":")) {
            // HTTP Basic joins user and password with a ':', so such a user could never sign in.
            throw new IllegalArgumentException(
                    variablePrefix + "USER must be a name without ':' (HTTP Basic joins user and password with it)");
        }
    }

    /**
     * Where Bandwidth reaches the service listening on {@code port}: {@code switchboard.public-url} if set (empty:
     * callbacks stay relative), else that service's own address. Computed for each service from its own port,
     * never resolved once into the configuration, so that services sharing a JVM (or a loaded configuration) each
     * get their own.
     */
    static String publicUrl(Config config, int port) {
        if (config.hasPath(PUBLIC_URL)) {
            return config.getString(PUBLIC_URL);
        }
        String host = config.getString("switchboard.http.host");
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        String scheme = config.getString("switchboard.http.tls.keystore").isEmpty() ? "http" : "https";
        return scheme + "://" + host + ":" + port;
    }

    /** {@code host:port} as config discovery's {@code {host, port}} object. */
    private static Map<String, Object> endpoint(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        String host = colon > 0 ? hostAndPort.substring(0, colon) : "";
        String port = colon > 0 ? hostAndPort.substring(colon + 1) : "";
        if (host.isBlank()
                || !port.matches("[0-9]{1,5}")
                || Integer.parseInt(port) < 1
                || Integer.parseInt(port) > 65_535) {
            throw new IllegalArgumentException(CONTACT_POINTS
                    + " lists management endpoints as host:port, comma-separated;" + " got '" + hostAndPort + "'");
        }
        return Map.of("host", host, "port", Integer.parseInt(port));
    }

    private static List<String> commaSeparated(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(part -> !part.isEmpty())
                .toList();
    }
}
