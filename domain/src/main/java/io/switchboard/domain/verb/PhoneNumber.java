package io.switchboard.domain.verb;

/**
 * A {@link Transfer} target given as an E.164 number: {@link #of} or {@link #builder}.
 *
 * @param transferAnswer     absent: filled in by a writer with a callback base (without any URL Bandwidth bridges
 *                           the B-leg at once)
 * @param transferDisconnect absent: filled in by a writer with a callback base; BXML has no fallback
 * @param uui                User-to-User header value with its encoding, at most 256 characters
 */
public record PhoneNumber(
        String address,
        Callback transferAnswer,
        PlainCallback transferDisconnect,
        Credentials credentials,
        String tag,
        String uui)
        implements TransferTarget {
    public PhoneNumber {
        Limits.required("PhoneNumber", "number", address);
        Limits.matches("PhoneNumber", "number", address, Limits.E164, "an E.164 number such as +15555550100");
        Limits.transferTarget("PhoneNumber", transferAnswer, transferDisconnect, credentials, tag, uui);
    }

    public static PhoneNumber of(String number) {
        return builder(number).build();
    }

    public static TransferTarget.Builder<PhoneNumber> builder(String number) {
        return new TransferTarget.Builder<>(PhoneNumber::new, number);
    }
}
