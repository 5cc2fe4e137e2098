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
        boolean usernameMatches = MessageDigest.isEqual(
                username.getBytes(StandardCharsets.UTF_8), provided.identifier().getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = provided.verify(password);
        return usernameMatches & passwordMatches;
    }

    /** The same comparison, of a username and a password read from a request's {@code Authorization} header. */
    public boolean matches(String providedUsername, String providedPassword) {
        boolean usernameMatches = MessageDigest.isEqual(
                username.getBytes(StandardCharsets.UTF_8), providedUsername.getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = MessageDigest.isEqual(
                password.getBytes(StandardCharsets.UTF_8), providedPassword.getBytes(StandardCharsets.UTF_8));
        return usernameMatches & passwordMatches;
    }

    /** Never shows the password: settings get logged. */
    @Override
    public String toString() {
        return "WebhookCredentials[username=" + username + ", password=***]";
    }
}
