package io.switchboard.domain.verb;

/**
 * A {@link Transfer} target given as a {@code sip:} URI: {@link #of} or {@link #builder}.
 *
 * @param transferAnswer     absent: filled in by a writer with a callback base (without any URL Bandwidth bridges
 *                           the B-leg at once)
 * @param transferDisconnect absent: filled in by a writer with a callback base; BXML has no fallback
 * @param uui                User-to-User header value with its encoding, at most 256 characters
 */
public record SipUri(
        String address,
        Callback transferAnswer,
        PlainCallback transferDisconnect,
        Credentials credentials,
        String tag,
        String uui)
        implements TransferTarget {
    public SipUri {
        Limits.required("SipUri", "URI", address);
        if (!isSipUri(address)) {
            throw Limits.invalid("SipUri", "URI", address, "must be a sip: URI such as sip:agent@pbx.example.com");
        }
        Limits.transferTarget("SipUri", transferAnswer, transferDisconnect, credentials, tag, uui);
    }

    public static SipUri of(String uri) {
        return builder(uri).build();
    }

    public static TransferTarget.Builder<SipUri> builder(String uri) {
        return new TransferTarget.Builder<>(SipUri::new, uri);
    }

    /** Whether {@code value} is a {@code sip:} URI with something after the scheme and no whitespace. */
    static boolean isSipUri(String value) {
        return value != null
                && value.startsWith("sip:")
                && value.length() > 4
                && value.chars().noneMatch(Character::isWhitespace);
    }
}
