package io.switchboard.domain.verb;

/** What kind of webhook a {@link Response} answers, which decides the verbs Bandwidth accepts in it. */
public enum ReplyContext {
    /** A call event whose BXML runs on the call (initiate, answer, gather, redirect, recordComplete, ...). */
    CALL,
    /** A {@code transferAnswer}: played to the B-leg before it is bridged; it may not bridge or transfer again. */
    TRANSFER_ANSWER,
    /** A conference event (created, member join/exit, redirect): only conference verbs apply. */
    CONFERENCE;

    /**
     * The context of an event type as Bandwidth names it: {@code conference*} events → CONFERENCE,
     * {@code transferAnswer} → TRANSFER_ANSWER, every other event → CALL.
     */
    public static ReplyContext ofEventType(String eventType) {
        if (eventType.startsWith("conference")) {
            return CONFERENCE;
        }
        return "transferAnswer".equals(eventType) ? TRANSFER_ANSWER : CALL;
    }
}
