package io.switchboard.domain.verb;

/**
 * One destination a {@link Transfer} rings. Its callbacks concern the B-leg: {@code transferAnswer} (whose
 * reply is played to the B-leg before bridging) and {@code transferDisconnect}.
 */
public sealed interface TransferTarget permits PhoneNumber, SipUri {
    String address();

    Callback transferAnswer();

    Callback transferDisconnect();

    Credentials credentials();

    String tag();
}
