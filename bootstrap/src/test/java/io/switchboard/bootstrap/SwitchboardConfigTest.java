package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.switchboard.adapters.http.HttpSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SwitchboardConfigTest {

    @Test
    void seedNodesAndRolesComeFromCommaSeparatedVariables() {
        Config config = SwitchboardConfig.load(Map.of(
                SwitchboardConfig.SEED_NODES, "akka://switchboard@127.0.0.1:25520, akka://switchboard@127.0.0.1:25521",
                SwitchboardConfig.ROLES, "webhooks"));
        assertEquals(
                List.of("akka://switchboard@127.0.0.1:25520", "akka://switchboard@127.0.0.1:25521"),
                config.getStringList("akka.cluster.seed-nodes"));
        assertEquals(List.of("webhooks"), config.getStringList("akka.cluster.roles"));
    }

    @Test
    void webhookLimitsAndTlsComeFromConfig() {
        Config config =
                com.typesafe.config.ConfigFactory.parseString("""
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
        assertEquals(
                java.nio.file.Path.of("/etc/switchboard/tls.p12"),
                http.tls().orElseThrow().keystore());
        assertEquals("PKCS12", http.tls().orElseThrow().keystoreType());
    }

    @Test
    void withoutAKeystoreTheServerSpeaksPlainHttp() {
        assertEquals(
                java.util.Optional.empty(),
                SwitchboardService.httpSettings(SwitchboardConfig.load(Map.of()).getConfig("switchboard.http"))
                        .tls());
    }

    @Test
    void withoutVariablesTheNodeHasNoSeedsAndJoinsItself() {
        Config config = SwitchboardConfig.load(Map.of(SwitchboardConfig.SEED_NODES, "  "));
        assertEquals(List.of(), config.getStringList("akka.cluster.seed-nodes"));
        assertEquals(8080, config.getInt("switchboard.http.port"));
        assertFalse(config.getBoolean("switchboard.cluster.bootstrap"));
        assertEquals(
                "akka.cluster.sbr.SplitBrainResolverProvider", config.getString("akka.cluster.downing-provider-class"));
        assertEquals("keep-majority", config.getString(SwitchboardConfig.SBR_STRATEGY));
        assertEquals("127.0.0.1", config.getString("akka.management.http.hostname"), "management stays on loopback");
        assertEquals(8558, config.getInt("akka.management.http.port"));
    }

    @Test
    void contactPointsBecomeConfigDiscoveryEndpointsOfTheServiceName() {
        Config config = SwitchboardConfig.load(
                Map.of(SwitchboardConfig.CONTACT_POINTS, "127.0.0.1:8558, 127.0.0.1:8559,[::1]:8560"));
        List<? extends Config> endpoints = config.getConfigList("akka.discovery.config.services.switchboard.endpoints");
        assertEquals(
                List.of("127.0.0.1:8558", "127.0.0.1:8559", "[::1]:8560"),
                endpoints.stream()
                        .map(e -> e.getString("host") + ":" + e.getInt("port"))
                        .toList());
        assertEquals("config", config.getString("akka.discovery.method"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:", ":8558", "127.0.0.1:http", "127.0.0.1:70000", "127.0.0.1:0"})
    void aContactPointThatIsNotHostAndPortIsRefusedNamingTheVariable(String contactPoint) {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> SwitchboardConfig.load(Map.of(SwitchboardConfig.CONTACT_POINTS, contactPoint)));
        assertTrue(refused.getMessage().contains(SwitchboardConfig.CONTACT_POINTS), refused.getMessage());
    }

    @Test
    void theAdminApiIsOffWithoutItsCredentialsAndRefusesTheWebhooksOwn() {
        Config config = SwitchboardConfig.load(Map.of());
        HttpSettings open = SwitchboardService.httpSettings(config.getConfig("switchboard.http"));
        assertEquals(Optional.empty(), SwitchboardService.adminCredentials(config, open));

        Config sameAsWebhook = ConfigFactory.parseString("""
                switchboard.http.webhook-user = "bandwidth"
                switchboard.http.webhook-password = "s3cret"
                switchboard.admin.user = "bandwidth"
                switchboard.admin.password = "s3cret"
                """).withFallback(config);
        HttpSettings protectedWebhooks = SwitchboardService.httpSettings(sameAsWebhook.getConfig("switchboard.http"));
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> SwitchboardService.adminCredentials(sameAsWebhook, protectedWebhooks));
        assertTrue(refused.getMessage().contains("SWITCHBOARD_ADMIN_USER"), refused.getMessage());
    }

    @Test
    void aLogFormatOtherThanTextOrJsonIsRefused() {
        assertEquals(
                8080,
                SwitchboardConfig.load(Map.of(SwitchboardConfig.LOG_FORMAT, "json"))
                        .getInt("switchboard.http.port"));
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> SwitchboardConfig.load(Map.of(SwitchboardConfig.LOG_FORMAT, "xml")));
        assertTrue(refused.getMessage().contains("SWITCHBOARD_LOG_FORMAT"), refused.getMessage());
    }

    @Test
    void anUnknownSplitBrainStrategyIsRefusedNamingTheVariable() {
        System.setProperty(SwitchboardConfig.SBR_STRATEGY, "keep-everyone");
        try {
            IllegalArgumentException refused =
                    assertThrows(IllegalArgumentException.class, () -> SwitchboardConfig.load(Map.of()));
            assertTrue(refused.getMessage().contains("SWITCHBOARD_SBR_STRATEGY"), refused.getMessage());
        } finally {
            System.clearProperty(SwitchboardConfig.SBR_STRATEGY);
        }
    }

    @Test
    void withoutAPublicUrlEachServiceIsReachedAtItsOwnAddressAndPort() {
        Config defaults = SwitchboardConfig.load(Map.of());
        Config wildcard =
                ConfigFactory.parseString("switchboard.http.host = \"0.0.0.0\"").withFallback(defaults);
        Config tls = ConfigFactory.parseString("switchboard.http.tls.keystore = \"server.p12\"")
                .withFallback(defaults);

        assertEquals("http://127.0.0.1:41001", SwitchboardConfig.publicUrl(defaults, 41001));
        assertEquals("http://127.0.0.1:41002", SwitchboardConfig.publicUrl(defaults, 41002));
        assertEquals("http://127.0.0.1:8080", SwitchboardConfig.publicUrl(wildcard, 8080));
        assertEquals("https://127.0.0.1:8443", SwitchboardConfig.publicUrl(tls, 8443));
    }

    @Test
    void aPublicUrlSetIsEveryServicesAndAnEmptyOneLeavesCallbacksRelative() {
        Map<String, String> none = Map.of();
        Config set = ConfigFactory.parseString("switchboard.public-url = \"https://ivr.example.com\"")
                .withFallback(SwitchboardConfig.load(none));
        Config empty =
                ConfigFactory.parseString("switchboard.public-url = \"\"").withFallback(SwitchboardConfig.load(none));

        assertEquals("https://ivr.example.com", SwitchboardConfig.publicUrl(set, 41001));
        assertEquals("", SwitchboardConfig.publicUrl(empty, 41001));
    }

    @Test
    void switchboardApplicationsListsEachApplicationsFlow() {
        Config config = SwitchboardConfig.load(
                Map.of("SWITCHBOARD_APPLICATIONS", "app-sales=com.acme.SalesFlow, app-support=com.acme.SupportFlow"));

        assertEquals("com.acme.SalesFlow", config.getString("switchboard.applications.app-sales.class"));
        assertEquals("com.acme.SupportFlow", config.getString("switchboard.applications.app-support.class"));
    }

    @Test
    void theWarmUpTakesFiveSecondsAtMostAndEndsAtFifteenHundredWebhooksASecondUnlessConfigured() {
        Config defaults = SwitchboardConfig.load(Map.of());

        assertEquals(java.time.Duration.ofSeconds(5), WarmUp.maxDuration(defaults));
        assertEquals(1500, WarmUp.untilRate(defaults));
    }

    @ParameterizedTest
    @CsvSource({
        "switchboard.warm-up.until-rate, 0, SWITCHBOARD_WARM_UP_UNTIL_RATE must be a positive number",
        "switchboard.warm-up.until-rate, -5, SWITCHBOARD_WARM_UP_UNTIL_RATE must be a positive number",
        "switchboard.warm-up.until-rate, fast, SWITCHBOARD_WARM_UP_UNTIL_RATE must be a positive number",
        "switchboard.warm-up.connections.count, -1, SWITCHBOARD_WARM_UP_CONNECTIONS must be a number of connections",
        "switchboard.warm-up.connections.count, many, SWITCHBOARD_WARM_UP_CONNECTIONS must be a number of connections",
        "switchboard.warm-up.max-duration, -1s, SWITCHBOARD_WARM_UP_MAX_DURATION must be a duration",
        "switchboard.warm-up.max-duration, soon, SWITCHBOARD_WARM_UP_MAX_DURATION must be a duration"
    })
    void aWarmUpSettingOfTheWrongKindIsRefusedNamingItsVariableAndValue(String path, String value, String refusal) {
        Config config = ConfigFactory.parseMap(Map.of(path, value)).withFallback(SwitchboardConfig.load(Map.of()));

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> SwitchboardConfig.validated(config));

        assertTrue(refused.getMessage().startsWith(refusal), refused::getMessage);
        assertTrue(refused.getMessage().contains("'" + value + "'"), refused::getMessage);
    }

    @Test
    void noConnectionsWarmUpIsAValidChoice() {
        Config config = ConfigFactory.parseMap(Map.of("switchboard.warm-up.connections.count", "0"))
                .withFallback(SwitchboardConfig.load(Map.of()));

        assertEquals(0, SwitchboardConfig.validated(config).getInt("switchboard.warm-up.connections.count"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "-1s", "soon"})
    void aBodyTimeoutThatIsNotAPositiveDurationIsRefusedNamingItsKey(String bodyTimeout) {
        Config config = ConfigFactory.parseMap(Map.of("switchboard.http.limits.body-timeout", bodyTimeout))
                .withFallback(SwitchboardConfig.load(Map.of()));

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> SwitchboardConfig.validated(config));

        assertEquals(
                "switchboard.http.limits.body-timeout must be a positive duration such as 500ms or 2s, was '"
                        + bodyTimeout + "'; leave it unset for 5s",
                refused.getMessage());
    }
}
