package io.switchboard.domain.verb;

/**
 * Plays a wav or mp3 file from a URL (which may be relative to the URL that returned the BXML): {@link #of} or
 * {@link #builder}.
 *
 * @param username basic-auth user for fetching the file, at most 1024 characters
 * @param password its password, at most 1024 characters; never shown by {@link #toString}
 */
public record PlayAudio(String url, String username, String password) implements Prompt {
    public PlayAudio {
        Limits.required("PlayAudio", "url", url);
        Limits.url("PlayAudio", "url", url);
        Limits.credential("PlayAudio", "username", username);
        Limits.credential("PlayAudio", "password", password);
    }

    public static PlayAudio of(String url) {
        return builder(url).build();
    }

    public static Builder builder(String url) {
        return new Builder(url);
    }

    @Override
    public String toString() {
        return "PlayAudio[url=" + url + ", username=" + username + ", password=" + Credentials.mask(password) + "]";
    }

    public static final class Builder {
        private final String url;
        private String username;
        private String password;

        private Builder(String url) {
            this.url = url;
        }

        public Builder credentials(String user, String secret) {
            username = user;
            password = secret;
            return this;
        }

        public PlayAudio build() {
            return new PlayAudio(url, username, password);
        }
    }
}
