package io.switchboard.domain.verb;

/**
 * A {@link Transfer} target given as an E.164 number.
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

    public static PhoneNumber of(String address) {
        return new PhoneNumber(address, null, null, null, null, null);
    }

    public PhoneNumber withTransferAnswer(Callback value) {
        return new PhoneNumber(address, value, transferDisconnect, credentials, tag, uui);
    }

    public PhoneNumber withTransferAnswerUrl(String url) {
        return withTransferAnswer(Callback.to(url));
    }

    public PhoneNumber withTransferDisconnect(PlainCallback value) {
        return new PhoneNumber(address, transferAnswer, value, credentials, tag, uui);
    }

    public PhoneNumber withTransferDisconnectUrl(String url) {
        return withTransferDisconnect(PlainCallback.to(url));
    }

    public PhoneNumber withCredentials(Credentials value) {
        return new PhoneNumber(address, transferAnswer, transferDisconnect, value, tag, uui);
    }

    public PhoneNumber withTag(String value) {
        return new PhoneNumber(address, transferAnswer, transferDisconnect, credentials, value, uui);
    }

    public PhoneNumber withUui(String value) {
        return new PhoneNumber(address, transferAnswer, transferDisconnect, credentials, tag, value);
    }
}
