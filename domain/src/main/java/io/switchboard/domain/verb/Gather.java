package io.switchboard.domain.verb;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects DTMF digits while playing its prompts, then sends a {@code gather} webhook: {@link #builder}, its
 * prompts added with {@code speakSentence(...)} and {@code playAudio(...)}.
 *
 * @param gather             {@code gatherUrl} and friends; absent: filled in by a writer with a callback base
 *                           (without any URL Bandwidth discards the digits)
 * @param terminatingDigits  digits (0-9, *, #) that end the gather early; absent means none
 * @param maxDigits          1 to 50; absent means 50
 * @param interDigitTimeout  seconds, 1 to 60; absent means 5
 * @param firstDigitTimeout  seconds, 0 to 60; absent means 5
 * @param repeatCount        how often the prompts play while no digit comes, at least 1 (the default);
 *                           repeatCount × prompts may not exceed 20
 * @param prompts            SpeakSentence and PlayAudio only, by type
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
        List<Prompt> prompts)
        implements Verb {

    /** Bandwidth's limit on repeatCount × nested verbs. */
    public static final int MAX_PLAYED_PROMPTS = 20;

    public Gather {
        prompts = Limits.elements("Gather", "nested verbs", prompts);
        Limits.callback("Gather", "gather", gather);
        Limits.credentials("Gather", credentials);
        Limits.tag("Gather", tag);
        Limits.terminatingDigits("Gather", terminatingDigits);
        Limits.between("Gather", "maxDigits", maxDigits, 1, 50, "");
        Limits.between("Gather", "interDigitTimeout", interDigitTimeout, 1, 60, " seconds");
        Limits.between("Gather", "firstDigitTimeout", firstDigitTimeout, 0, 60, " seconds");
        Limits.atLeast("Gather", "repeatCount", repeatCount, 1, "");
        int repeats = repeatCount == null ? 1 : repeatCount;
        if ((long) repeats * prompts.size() > MAX_PLAYED_PROMPTS) {
            throw new InvalidVerbException(
                    "Gather",
                    "repeatCount",
                    repeats + " (× " + prompts.size() + " nested verbs = " + (long) repeats * prompts.size() + ")",
                    "× nested verbs must be at most " + MAX_PLAYED_PROMPTS);
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

        private Builder() {}

        public Builder gatherUrl(String url) {
            gather = Callback.of(url);
            return this;
        }

        public Builder gather(Callback value) {
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

        public Builder speakSentence(String text) {
            return prompt(SpeakSentence.of(text));
        }

        public Builder speakSentence(String text, Consumer<SpeakSentence.Builder> customiser) {
            return prompt(Verbs.built(SpeakSentence.builder(text), customiser, SpeakSentence.Builder::build));
        }

        public Builder playAudio(String url) {
            return prompt(PlayAudio.of(url));
        }

        public Builder playAudio(String url, Consumer<PlayAudio.Builder> customiser) {
            return prompt(Verbs.built(PlayAudio.builder(url), customiser, PlayAudio.Builder::build));
        }

        public Gather build() {
            return new Gather(
                    gather,
                    credentials,
                    tag,
                    terminatingDigits,
                    maxDigits,
                    interDigitTimeout,
                    firstDigitTimeout,
                    repeatCount,
                    prompts);
        }
    }
}
