package io.switchboard.domain.verb;

/**
 * Plays a ringing tone: {@link #builder}.
 *
 * @param duration   seconds, 0.1 to 86400, a decimal; absent means Bandwidth's default of 5
 * @param answerCall whether an unanswered inbound call is answered first; absent means true
 */
public record Ring(Double duration, Boolean answerCall) implements Verb {
    public Ring {
        Limits.between("Ring", "duration", duration, 0.1, 86_400, " seconds");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Double duration;
        private Boolean answerCall;

        private Builder() {}

        public Builder duration(double seconds) {
            duration = seconds;
            return this;
        }

        public Builder answerCall(boolean value) {
            answerCall = value;
            return this;
        }

        public Ring build() {
            return new Ring(duration, answerCall);
        }
    }
}
