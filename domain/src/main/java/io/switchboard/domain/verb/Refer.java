package io.switchboard.domain.verb;

/**
 * Sends a SIP REFER on an inbound SIP-URI call: on success the call leaves Bandwidth (and this application);
 * on failure the reply to {@code referComplete} runs on the still-active call. Made with {@link #of} or
 * {@link #builder}.
 *
 * @param referComplete {@code referCompleteUrl} and {@code referCompleteMethod}; BXML has no fallback; absent:
 *                      filled in by a writer with a callback base
 * @param sipUri        required: the refer destination, written as the one nested {@code <SipUri>} (which has no
 *                      attributes)
 */
public record Refer(PlainCallback referComplete, String tag, String sipUri) implements Verb {
    public Refer {
        Limits.callback("Refer", "referComplete", referComplete);
        Limits.tag("Refer", tag);
        Limits.required("Refer", "SipUri", sipUri);
        if (!SipUri.isSipUri(sipUri)) {
            throw Limits.invalid("Refer", "SipUri", sipUri, "must be a sip: URI");
        }
    }

    public static Refer of(String sipUri) {
        return builder(sipUri).build();
    }

    public static Builder builder(String sipUri) {
        return new Builder(sipUri);
    }

    public static final class Builder {
        private final String sipUri;
        private PlainCallback referComplete;
        private String tag;

        private Builder(String sipUri) {
            this.sipUri = sipUri;
        }

        public Builder referCompleteUrl(String url) {
            return referComplete(PlainCallback.of(url));
        }

        public Builder referComplete(PlainCallback value) {
            referComplete = value;
            return this;
        }

        public Builder tag(String value) {
            tag = value;
            return this;
        }

        public Refer build() {
            return new Refer(referComplete, tag, sipUri);
        }
    }
}
