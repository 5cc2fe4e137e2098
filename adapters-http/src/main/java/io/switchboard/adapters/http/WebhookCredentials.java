package io.switchboard.adapters.http;

import akka.http.javadsl.server.directives.SecurityDirectives.ProvidedCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * HTTP Basic credentials: those Bandwidth is configured to send with every webhook, or the admin API's own.
 */
public record WebhookCredentials(String username, String password) {
    public WebhookCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty() || username.contains(":")) {
            // Basic auth joins the two with ':', so a username containing one could never match.
            throw new IllegalArgumentException("username must be non-empty and must not contain ':'");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
    }

    /** Both halves are always compared, each in constant time, so response timing reveals neither. */
    public boolean matches(ProvidedCredentials provided) {
        return sameInConstantTime(username, provided.identifier()) & provided.verify(password);
    }

    /** The same comparison, of a username and a password read from a request's {@code Authorization} header. */
    public boolean matches(String providedUsername, String providedPassword) {
        return sameInConstantTime(username, providedUsername) & sameInConstantTime(password, providedPassword);
    }

    private static boolean sameInConstantTime(String expected, String provided) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), provided.getBytes(StandardCharsets.UTF_8));
    }

    /** Never shows the password: settings get logged. */
    @Override
    public String toString() {
        return "WebhookCredentials[username=" + username + ", password=***]";
    }
}
