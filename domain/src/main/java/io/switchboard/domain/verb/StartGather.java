package io.switchboard.domain.verb;

/**
 * Starts collecting DTMF in the background: each digit is sent in a {@code dtmf} webhook (whose reply Bandwidth
 * ignores). Paused while a {@link Gather} runs.
 *
 * @param dtmf     {@code dtmfUrl} and {@code dtmfMethod}; BXML has no fallback; absent: filled in by a writer
 *                 with a callback base
 * @param username basic-auth user for {@code dtmfUrl}, at most 1024 characters
 * @param password at most 1024 characters; never shown by {@link #toString}
 */
public record StartGather(PlainCallback dtmf, String username, String password, String tag) implements Verb {
    public StartGather {
        Limits.callback("StartGather", "dtmf", dtmf);
        Limits.credential("StartGather", "username", username);
        Limits.credential("StartGather", "password", password);
        Limits.tag("StartGather", tag);
    }

    public static StartGather to(String dtmfUrl) {
        return new StartGather(PlainCallback.to(dtmfUrl), null, null, null);
    }

    /** Digits go to this service's {@code /dtmf} channel (filled in by a writer with a callback base). */
    public StartGather() {
        this(null, null, null, null);
    }

    @Override
    public String toString() {
        return "StartGather[dtmf=" + dtmf + ", username=" + username + ", password=" + Credentials.mask(password)
                + ", tag=" + tag + "]";
    }
}
