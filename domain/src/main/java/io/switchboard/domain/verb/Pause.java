package io.switchboard.domain.verb;

/**
 * Waits in silence.
 *
 * @param duration seconds, 0.1 to 86400; absent means Bandwidth's default of 1
 */
public record Pause(Double duration) implements Verb {
    public Pause {
        Limits.between("Pause", "duration", duration, 0.1, 86_400, " seconds");
    }

    /** A pause of Bandwidth's default length (1 second). */
    public Pause() {
        this(null);
    }

    public static Pause seconds(double duration) {
        return new Pause(duration);
    }
}
