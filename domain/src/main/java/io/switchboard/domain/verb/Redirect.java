package io.switchboard.domain.verb;

/**
 * Asks for new BXML with a {@code redirect} webhook: {@link #builder}. The verbs after it never run, so a
 * response that has any breaks a rule of {@link BxmlRules}.
 *
 * @param redirect {@code redirectUrl} is required in BXML; when absent, a writer with a callback base points it
 *                 at this service's {@code /redirect} channel (a writer without one refuses the verb)
 */
public record Redirect(Callback redirect, Credentials credentials, String tag) implements Verb {
    public Redirect {
        Limits.callback("Redirect", "redirect", redirect);
        Limits.credentials("Redirect", credentials);
        Limits.tag("Redirect", tag);
    }

    /** A redirect to {@link Builder#redirectUrl}, or, without one, to this service's {@code /redirect} channel. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Callback redirect;
        private Credentials credentials;
        private String tag;

        private Builder() {}

        public Builder redirectUrl(String url) {
            return redirect(Callback.of(url));
        }

        public Builder redirect(Callback value) {
            redirect = value;
            return this;
        }

        public Builder credentials(Credentials value) {
            credentials = value;
            return this;
        }

        public Builder tag(String value) {
            tag = value;
            return this;
        }

        public Redirect build() {
            return new Redirect(redirect, credentials, tag);
        }
    }
}
