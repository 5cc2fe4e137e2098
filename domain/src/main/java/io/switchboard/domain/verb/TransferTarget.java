package io.switchboard.domain.verb;

/**
 * One destination a {@link Transfer} rings. Its callbacks concern the B-leg: {@code transferAnswer} (whose
 * reply is played to the B-leg before bridging) and {@code transferDisconnect} (no fallback in BXML).
 */
public sealed interface TransferTarget permits PhoneNumber, SipUri {
    String address();

    Callback transferAnswer();

    PlainCallback transferDisconnect();

    Credentials credentials();

    String tag();

    /** User-to-User header value with its encoding, at most 256 characters. */
    String uui();
}
