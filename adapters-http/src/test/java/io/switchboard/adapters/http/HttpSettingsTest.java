package io.switchboard.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpSettingsTest {

    @Test
    void defaultsToNoAuthenticationTheSwitchboardRealmAnd64KiB() {
        HttpSettings settings = HttpSettings.of("0.0.0.0", 8080);

        assertEquals(Optional.empty(), settings.credentials());
        assertEquals("switchboard", settings.realm());
        assertEquals(65_536, settings.maxBodyBytes());
    }

    @Test
    void textOfSettingsNeverShowsThePassword() {
        HttpSettings settings =
                HttpSettings.of("0.0.0.0", 8080).withCredentials(new WebhookCredentials("bandwidth", "hunter2-secret"));

        assertFalse(settings.toString().contains("hunter2-secret"), settings::toString);
        assertTrue(settings.toString().contains("bandwidth"), settings::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "say \"hi\"", "back\\slash", "line\nbreak"})
    void realmMustBeSafeToQuoteInAHeader(String realm) {
        HttpSettings settings = HttpSettings.of("0.0.0.0", 8080);

        assertThrows(IllegalArgumentException.class, () -> settings.withRealm(realm));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65_536})
    void portMustBeAPort(int port) {
        assertThrows(IllegalArgumentException.class, () -> HttpSettings.of("0.0.0.0", port));
    }

    @Test
    void bodyLimitMustBePositive() {
        assertThrows(
                IllegalArgumentException.class,
                () -> HttpSettings.of("0.0.0.0", 0).withMaxBodyBytes(0));
    }

    @Test
    void limitsMustBePositiveAndIdentifiersFitTheDomainsBound() {
        assertThrows(
                IllegalArgumentException.class,
                () -> io.switchboard.adapters.http.json.PayloadLimits.DEFAULTS.withMaxIdLength(0));
        assertThrows(
                IllegalArgumentException.class,
                () -> io.switchboard.adapters.http.json.PayloadLimits.DEFAULTS.withMaxIdLength(257));
        assertThrows(
                IllegalArgumentException.class,
                () -> HttpSettings.of("0.0.0.0", 0).withOverload(0, java.time.Duration.ofSeconds(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> HttpSettings.of("0.0.0.0", 0).withOverload(1, java.time.Duration.ZERO));
    }

    @Test
    void textOfTlsSettingsNeverShowsThePassword() {
        TlsSettings tls = TlsSettings.pkcs12(java.nio.file.Path.of("/etc/switchboard.p12"), "hunter2-secret");

        assertFalse(HttpSettings.of("0.0.0.0", 0).withTls(tls).toString().contains("hunter2-secret"));
    }

    @Test
    void usernameCannotContainTheBasicAuthSeparator() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookCredentials("band:width", "secret"));
        assertThrows(IllegalArgumentException.class, () -> new WebhookCredentials("bandwidth", ""));
    }
}
