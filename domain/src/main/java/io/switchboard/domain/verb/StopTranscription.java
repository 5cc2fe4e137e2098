package io.switchboard.domain.verb;

/**
 * Stops a real-time transcription: {@link #builder}.
 *
 * @param name the transcription's name; absent stops them all
 */
public record StopTranscription(String name) implements Verb {
    public StopTranscription {
        Limits.notBlank("StopTranscription", "name", name);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String name;

        private Builder() {}

        public Builder name(String value) {
            name = value;
            return this;
        }

        public StopTranscription build() {
            return new StopTranscription(name);
        }
    }
}
