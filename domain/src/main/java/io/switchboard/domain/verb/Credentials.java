package io.switchboard.domain.verb;

/**
 * Basic-auth credentials Bandwidth presents to a verb's callback URLs ({@code username}, {@code password},
 * {@code fallbackUsername}, {@code fallbackPassword}; each at most 1024 characters; Bandwidth asks for https
 * URLs with them). The verb holding them checks the lengths, so that a refusal names the verb.
 * {@link #toString} masks the passwords, so a logged verb never leaks them.
 */
public record Credentials(String username, String password, String fallbackUsername, String fallbackPassword) {

    public static Credentials of(String username, String password) {
        return new Credentials(username, password, null, null);
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=" + mask(password) + ", fallbackUsername="
                + fallbackUsername + ", fallbackPassword=" + mask(fallbackPassword) + "]";
    }

    static String mask(String secret) {
        return secret == null ? null : "***";
    }
}
