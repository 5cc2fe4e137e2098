package io.switchboard.domain.verb;

/**
 * Starts collecting DTMF in the background: each digit is sent in a {@code dtmf} webhook (whose reply Bandwidth
 * ignores). Paused while a {@link Gather} runs. Made with {@link #builder}.
 *
 * @param dtmf     {@code dtmfUrl} and {@code dtmfMethod}; BXML has no fallback; absent: filled in by a writer
 *                 with a callback base
 * @param username basic-auth user for {@code dtmfUrl}, at most 1024 characters
 * @param password at most 1024 characters; never shown by {@link #toString}
 */
public record StartGather(PlainCallback dtmf, String username, String password, String tag) implements Verb {
    public StartGather {
        Limits.callback("StartGather", "dtmf", dtmf);
        Limits.credential("StartGather", "username", username);
        Limits.credential("StartGather", "password", password);
        Limits.tag("StartGather", tag);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "StartGather[dtmf=" + dtmf + ", username=" + username + ", password=" + Credentials.mask(password)
                + ", tag=" + tag + "]";
    }

    public static final class Builder {
        private PlainCallback dtmf;
        private String username;
        private String password;
        private String tag;

        private Builder() {}

        public Builder dtmfUrl(String url) {
            return dtmf(PlainCallback.of(url));
        }

        public Builder dtmf(PlainCallback value) {
            dtmf = value;
            return this;
        }

        public Builder credentials(String user, String secret) {
            username = user;
            password = secret;
            return this;
        }

        public Builder tag(String value) {
            tag = value;
            return this;
        }

        public StartGather build() {
            return new StartGather(dtmf, username, password, tag);
        }
    }
}
