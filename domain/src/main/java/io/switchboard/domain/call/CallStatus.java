package io.switchboard.domain.call;

/** Where a call is in its life, as far as its events tell. */
public enum CallStatus {
    /** Seen, not yet known to be answered. */
    RINGING,
    ANSWERED,
    ENDED
}
