package io.switchboard.domain.verb;

/**
 * Bridges this call with another live call of the account; {@code bridgeComplete} goes to this call when the
 * bridge ends (or fails), {@code bridgeTargetComplete} to the other. Made with {@link #of} or {@link #builder}.
 *
 * @param targetCall           required: the id of the call to bridge with
 * @param bridgeComplete       absent: filled in by a writer with a callback base
 * @param bridgeTargetComplete absent: filled in by a writer with a callback base
 */
public record Bridge(
        String targetCall, Callback bridgeComplete, Callback bridgeTargetComplete, Credentials credentials, String tag)
        implements Verb {

    public Bridge {
        Limits.required("Bridge", "target call id", targetCall);
        Limits.callback("Bridge", "bridgeComplete", bridgeComplete);
        Limits.callback("Bridge", "bridgeTargetComplete", bridgeTargetComplete);
        Limits.credentials("Bridge", credentials);
        Limits.tag("Bridge", tag);
    }

    public static Bridge of(String targetCall) {
        return builder(targetCall).build();
    }

    public static Builder builder(String targetCall) {
        return new Builder(targetCall);
    }

    public static final class Builder {
        private final String targetCall;
        private Callback bridgeComplete;
        private Callback bridgeTargetComplete;
        private Credentials credentials;
        private String tag;

        private Builder(String targetCall) {
            this.targetCall = targetCall;
        }

        public Builder bridgeCompleteUrl(String url) {
            bridgeComplete = Callback.of(url);
            return this;
        }

        public Builder bridgeComplete(Callback value) {
            bridgeComplete = value;
            return this;
        }

        public Builder bridgeTargetCompleteUrl(String url) {
            bridgeTargetComplete = Callback.of(url);
            return this;
        }

        public Builder bridgeTargetComplete(Callback value) {
            bridgeTargetComplete = value;
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

        public Bridge build() {
            return new Bridge(targetCall, bridgeComplete, bridgeTargetComplete, credentials, tag);
        }
    }
}
