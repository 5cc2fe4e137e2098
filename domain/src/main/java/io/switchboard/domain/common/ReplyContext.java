package io.switchboard.domain.common;

/**
 * What kind of webhook a reply answers, which decides the verbs Bandwidth accepts in its BXML
 * ({@link io.switchboard.domain.verb.BxmlRules}). Each event names its own ({@link VoiceEvent#replyContext()}).
 */
public enum ReplyContext {
    /** A call event whose BXML runs on the call (initiate, answer, gather, redirect, recordComplete, ...). */
    CALL,
    /** A {@code transferAnswer}: played to the B-leg before it is bridged; it may not bridge or transfer again. */
    TRANSFER_ANSWER,
    /** A conference event (created, member join/exit, redirect): only conference verbs apply. */
    CONFERENCE;

    /**
     * The context of an event type as Bandwidth names it, for tools that have only the name (the BXML linter, the
     * simulator's checks): {@code conference*} events → CONFERENCE, {@code transferAnswer} → TRANSFER_ANSWER, every
     * other event → CALL; what each event says itself.
     */
    public static ReplyContext ofEventType(String eventType) {
        if (eventType.startsWith("conference")) {
            return CONFERENCE;
        }
        return "transferAnswer".equals(eventType) ? TRANSFER_ANSWER : CALL;
    }
}
