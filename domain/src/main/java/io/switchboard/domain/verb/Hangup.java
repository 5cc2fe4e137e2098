package io.switchboard.domain.verb;

/** Ends the call (rejects an unanswered inbound call). No attributes: {@link #of}. */
public record Hangup() implements Verb {
    private static final Hangup INSTANCE = new Hangup();

    public static Hangup of() {
        return INSTANCE;
    }
}
