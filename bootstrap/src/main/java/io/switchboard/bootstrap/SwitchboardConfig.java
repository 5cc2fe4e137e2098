package io.switchboard.bootstrap;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Loads the service's configuration: {@code -D} system properties over {@code SWITCHBOARD_*} environment
 * variables over {@code application.conf} over the libraries' {@code reference.conf}. Most variables are
 * substituted in {@code application.conf} itself; the list-valued ones are split here, as HOCON cannot split
 * a comma-separated variable.
 */
public final class SwitchboardConfig {
    static final String SEED_NODES = "SWITCHBOARD_SEED_NODES";
    static final String ROLES = "SWITCHBOARD_ROLES";

    private SwitchboardConfig() {
    }

    public static Config load() {
        return load(System.getenv());
    }

    static Config load(Map<String, String> environment) {
        Config fromEnvironment = ConfigFactory.empty();
        List<String> seeds = commaSeparated(environment.get(SEED_NODES));
        if (!seeds.isEmpty()) {
            fromEnvironment = fromEnvironment.withValue("akka.cluster.seed-nodes", ConfigValueFactory.fromIterable(seeds));
        }
        List<String> roles = commaSeparated(environment.get(ROLES));
        if (!roles.isEmpty()) {
            fromEnvironment = fromEnvironment.withValue("akka.cluster.roles", ConfigValueFactory.fromIterable(roles));
        }
        ConfigFactory.invalidateCaches();
        return ConfigFactory.systemProperties()
                .withFallback(fromEnvironment)
                .withFallback(ConfigFactory.load())
                .resolve();
    }

    private static List<String> commaSeparated(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(part -> !part.isEmpty()).toList();
    }
}
