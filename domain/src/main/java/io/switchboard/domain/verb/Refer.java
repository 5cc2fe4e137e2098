package io.switchboard.domain.verb;

/**
 * Sends a SIP REFER on an inbound SIP-URI call: on success the call leaves Bandwidth (and this application);
 * on failure the reply to {@code referComplete} runs on the still-active call.
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

    public static Refer to(String sipUri) {
        return new Refer(null, null, sipUri);
    }
}
