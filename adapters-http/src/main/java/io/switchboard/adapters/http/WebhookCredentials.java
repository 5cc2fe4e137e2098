package io.switchboard.adapters.http;

import java.util.Objects;

/** The HTTP Basic credentials Bandwidth is configured to send with every webhook. */
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

    /** Never shows the password: settings get logged. */
    @Override
    public String toString() {
        return "WebhookCredentials[username=" + username + ", password=***]";
    }
}
