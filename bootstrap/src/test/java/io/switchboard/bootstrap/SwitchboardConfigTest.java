package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwitchboardConfigTest {

    @Test
    void seedNodesAndRolesComeFromCommaSeparatedVariables() {
        Config config = SwitchboardConfig.load(Map.of(
                SwitchboardConfig.SEED_NODES, "akka://switchboard@127.0.0.1:25520, akka://switchboard@127.0.0.1:25521",
                SwitchboardConfig.ROLES, "webhooks"));
        assertEquals(List.of("akka://switchboard@127.0.0.1:25520", "akka://switchboard@127.0.0.1:25521"),
                config.getStringList("akka.cluster.seed-nodes"));
        assertEquals(List.of("webhooks"), config.getStringList("akka.cluster.roles"));
    }

    @Test
    void webhookLimitsAndTlsComeFromConfig() {
        Config config = com.typesafe.config.ConfigFactory.parseString("""
                switchboard.http.limits.max-id-length = 64
                switchboard.http.limits.max-in-flight = 7
                switchboard.http.limits.retry-after = 3s
                switchboard.http.tls.keystore = "/etc/switchboard/tls.p12"
                switchboard.http.tls.keystore-password = "changeit"
                """).withFallback(SwitchboardConfig.load(Map.of()));

        io.switchboard.adapters.http.HttpSettings http =
                SwitchboardService.httpSettings(config.getConfig("switchboard.http"));

        assertEquals(64, http.payloadLimits().maxIdLength());
        assertEquals(65_536, http.maxBodyBytes());
        assertEquals(16, http.payloadLimits().maxNestingDepth());
        assertEquals(7, http.maxInFlight());
        assertEquals(java.time.Duration.ofSeconds(3), http.retryAfter());
        assertEquals(java.nio.file.Path.of("/etc/switchboard/tls.p12"), http.tls().orElseThrow().keystore());
        assertEquals("PKCS12", http.tls().orElseThrow().keystoreType());
    }

    @Test
    void withoutAKeystoreTheServerSpeaksPlainHttp() {
        assertEquals(java.util.Optional.empty(), SwitchboardService.httpSettings(
                SwitchboardConfig.load(Map.of()).getConfig("switchboard.http")).tls());
    }

    @Test
    void withoutVariablesTheNodeHasNoSeedsAndJoinsItself() {
        Config config = SwitchboardConfig.load(Map.of(SwitchboardConfig.SEED_NODES, "  "));
        assertEquals(List.of(), config.getStringList("akka.cluster.seed-nodes"));
        assertEquals(8080, config.getInt("switchboard.http.port"));
        assertEquals("akka.cluster.sbr.SplitBrainResolverProvider", config.getString("akka.cluster.downing-provider-class"));
    }
}
