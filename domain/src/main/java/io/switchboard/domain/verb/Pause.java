package io.switchboard.domain.verb;

/** Waits in silence. */
public record Pause(double duration) implements Verb {
    public Pause {
        if (!(duration >= 0.1 && duration <= 86_400)) {
            throw new IllegalArgumentException("Pause: duration must be between 0.1 and 86400 seconds, was " + duration);
        }
    }
}
