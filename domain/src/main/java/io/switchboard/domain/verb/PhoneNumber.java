package io.switchboard.domain.verb;

/** A {@link Transfer} target given as an E.164 number. */
public record PhoneNumber(String address, Callback transferAnswer, Callback transferDisconnect,
                          Credentials credentials, String tag, String uui) implements TransferTarget {
    public PhoneNumber {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("PhoneNumber: the number is required");
        }
    }

    public static PhoneNumber of(String number) {
        return new PhoneNumber(number, null, null, null, null, null);
    }
}
