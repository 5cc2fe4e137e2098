package io.switchboard.domain.verb;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects DTMF digits while playing its prompts, then sends a {@code gather} webhook.
 *
 * @param terminatingDigits  digits that end the gather early
 * @param maxDigits          1 to 50
 * @param interDigitTimeout  seconds, 1 to 60
 * @param firstDigitTimeout  seconds, 0 to 60
 * @param repeatCount        how often the prompts play while no digit comes
 */
public record Gather(
        Callback gather,
        Credentials credentials,
        String tag,
        String terminatingDigits,
        Integer maxDigits,
        Double interDigitTimeout,
        Double firstDigitTimeout,
        Integer repeatCount,
        List<Prompt> prompts) implements Verb {

    public Gather {
        prompts = List.copyOf(prompts);
        if (maxDigits != null && (maxDigits < 1 || maxDigits > 50)) {
            throw new IllegalArgumentException("Gather: maxDigits must be between 1 and 50, was " + maxDigits);
        }
        if (repeatCount != null && repeatCount < 1) {
            throw new IllegalArgumentException("Gather: repeatCount must be at least 1, was " + repeatCount);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Callback gather;
        private Credentials credentials;
        private String tag;
        private String terminatingDigits;
        private Integer maxDigits;
        private Double interDigitTimeout;
        private Double firstDigitTimeout;
        private Integer repeatCount;
        private final List<Prompt> prompts = new ArrayList<>();

        private Builder() {
        }

        public Builder gatherUrl(String url) {
            gather = Callback.to(url);
            return this;
        }

        public Builder callback(Callback value) {
            gather = value;
            return this;
        }

        public Builder credentials(Credentials value) {
            credentials = value;
            return this;
        }

        public Builder tag(String value) {
            tag = value;
            return this;
        }

        public Builder terminatingDigits(String value) {
            terminatingDigits = value;
            return this;
        }

        public Builder maxDigits(int value) {
            maxDigits = value;
            return this;
        }

        public Builder interDigitTimeout(double seconds) {
            interDigitTimeout = seconds;
            return this;
        }

        public Builder firstDigitTimeout(double seconds) {
            firstDigitTimeout = seconds;
            return this;
        }

        public Builder repeatCount(int value) {
            repeatCount = value;
            return this;
        }

        public Builder prompt(Prompt value) {
            prompts.add(value);
            return this;
        }

        public Builder speak(String text) {
            return prompt(SpeakSentence.of(text));
        }

        public Gather build() {
            return new Gather(gather, credentials, tag, terminatingDigits, maxDigits, interDigitTimeout,
                    firstDigitTimeout, repeatCount, prompts);
        }
    }
}
