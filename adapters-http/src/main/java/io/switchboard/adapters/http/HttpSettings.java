package io.switchboard.adapters.http;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the webhook server listens and what it accepts.
 *
 * @param port         0 picks a free port
 * @param credentials  when present, every webhook must carry them (health checks never need them)
 * @param realm        named in the {@code WWW-Authenticate} challenge
 * @param maxBodyBytes larger webhook bodies are refused with 413 before they are read in full
 */
public record HttpSettings(
        String host, int port, Optional<WebhookCredentials> credentials, String realm, long maxBodyBytes) {

    public static final String DEFAULT_REALM = "switchboard";
    /** Bandwidth's payloads are a few kilobytes; this leaves ample room without buffering arbitrary bodies. */
    public static final long DEFAULT_MAX_BODY_BYTES = 65_536;

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(realm, "realm");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        // The realm is sent quoted in a header: a quote, backslash or control character would break it.
        if (realm.isBlank() || realm.chars().anyMatch(c -> c == '"' || c == '\\' || Character.isISOControl(c))) {
            throw new IllegalArgumentException("realm must be non-blank text without quotes, backslashes or control characters");
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
    }

    /** Settings without authentication, with the default realm and body limit. */
    public static HttpSettings of(String host, int port) {
        return new HttpSettings(host, port, Optional.empty(), DEFAULT_REALM, DEFAULT_MAX_BODY_BYTES);
    }

    public HttpSettings withCredentials(WebhookCredentials webhookCredentials) {
        return new HttpSettings(host, port, Optional.of(webhookCredentials), realm, maxBodyBytes);
    }

    public HttpSettings withRealm(String newRealm) {
        return new HttpSettings(host, port, credentials, newRealm, maxBodyBytes);
    }

    public HttpSettings withMaxBodyBytes(long newMaxBodyBytes) {
        return new HttpSettings(host, port, credentials, realm, newMaxBodyBytes);
    }
}
