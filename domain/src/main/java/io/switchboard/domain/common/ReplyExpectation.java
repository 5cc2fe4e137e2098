package io.switchboard.domain.common;

/** What Bandwidth does with the reply to an event. */
public enum ReplyExpectation {
    /** Runs the BXML; a reply must be a document, and an empty one hangs up. */
    EXECUTED,
    /** Runs BXML if there is any, otherwise carries on (conference events). */
    EXECUTED_IF_PRESENT,
    /** Ignores the body; the event only informs. */
    IGNORED;

    /** Whether a reply to such an event may carry BXML at all. */
    public boolean allowsBxml() {
        return this != IGNORED;
    }
}
