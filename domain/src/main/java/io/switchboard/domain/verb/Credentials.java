package io.switchboard.domain.verb;

/**
 * Basic-auth credentials Bandwidth presents to a verb's callback URLs. {@link #toString} masks the passwords,
 * so a logged verb never leaks them.
 */
public record Credentials(String username, String password, String fallbackUsername, String fallbackPassword) {

    public static Credentials of(String username, String password) {
        return new Credentials(username, password, null, null);
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=" + mask(password)
                + ", fallbackUsername=" + fallbackUsername + ", fallbackPassword=" + mask(fallbackPassword) + "]";
    }

    private static String mask(String secret) {
        return secret == null ? null : "***";
    }
}
