package io.switchboard.domain.verb;

/** A {@link Transfer} target given as a {@code sip:} URI. */
public record SipUri(String address, Callback transferAnswer, Callback transferDisconnect,
                     Credentials credentials, String tag, String uui) implements TransferTarget {
    public SipUri {
        if (address == null || !address.startsWith("sip:")) {
            throw new IllegalArgumentException("SipUri: a sip: URI is required, was '" + address + "'");
        }
    }

    public static SipUri of(String uri) {
        return new SipUri(uri, null, null, null, null, null);
    }
}
