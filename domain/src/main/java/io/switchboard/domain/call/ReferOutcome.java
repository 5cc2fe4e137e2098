package io.switchboard.domain.call;

import java.util.Objects;

/**
 * How a {@code <Refer>} ended, as its {@code referComplete} event told.
 *
 * @param referSipResponseCode  the SIP response to the REFER, when sent (100-699)
 * @param notifySipResponseCode the SIP response carried by the NOTIFY that followed, when sent (100-699)
 * @param referTo               the SIP URI referred to, when sent
 */
public record ReferOutcome(
        ReferCallStatus status, Integer referSipResponseCode, Integer notifySipResponseCode, String referTo) {
    public ReferOutcome {
        Objects.requireNonNull(status, "referCallStatus");
        requireSipCode("referSipResponseCode", referSipResponseCode);
        requireSipCode("notifySipResponseCode", notifySipResponseCode);
    }

    static void requireSipCode(String field, Integer code) {
        if (code != null && (code < 100 || code > 699)) {
            throw new IllegalArgumentException(field + " must be a SIP response code (100-699), was " + code);
        }
    }
}
