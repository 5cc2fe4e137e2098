package io.switchboard.domain.verb;

/**
 * Waits in silence: {@link #builder}.
 *
 * @param duration seconds, 0.1 to 86400, a decimal; absent means Bandwidth's default of 1
 */
public record Pause(Double duration) implements Verb {
    public Pause {
        Limits.between("Pause", "duration", duration, 0.1, 86_400, " seconds");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Double duration;

        private Builder() {}

        public Builder duration(double seconds) {
            duration = seconds;
            return this;
        }

        public Pause build() {
            return new Pause(duration);
        }
    }
}
