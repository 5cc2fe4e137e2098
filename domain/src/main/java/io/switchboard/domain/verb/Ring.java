package io.switchboard.domain.verb;

/**
 * Plays a ringing tone.
 *
 * @param duration   seconds, 0.1 to 86400; absent means Bandwidth's default of 5
 * @param answerCall whether an unanswered inbound call is answered first; absent means true
 */
public record Ring(Double duration, Boolean answerCall) implements Verb {
    public Ring {
        Limits.between("Ring", "duration", duration, 0.1, 86_400, " seconds");
    }

    /** Rings for Bandwidth's default 5 seconds. */
    public Ring() {
        this(null, null);
    }

    public static Ring seconds(double duration) {
        return new Ring(duration, null);
    }
}
