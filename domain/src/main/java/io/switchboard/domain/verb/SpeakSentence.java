package io.switchboard.domain.verb;

import java.util.regex.Pattern;

/**
 * Speaks text with text-to-speech: {@link #of} or {@link #builder}. The text may carry SSML ({@code break,
 * emphasis, lang, p, phoneme, prosody, s, say-as, sub}), which the BXML writer keeps as markup.
 *
 * @param text   required
 * @param voice  overrides gender and locale
 * @param gender absent means female
 * @param locale such as {@code en_US} (the default)
 */
public record SpeakSentence(String text, Voice voice, Gender gender, String locale) implements Prompt {
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}_[A-Z]{2}");

    public SpeakSentence {
        Limits.required("SpeakSentence", "text", text);
        Limits.matches("SpeakSentence", "locale", locale, LOCALE, "a locale such as en_US");
    }

    public static SpeakSentence of(String text) {
        return builder(text).build();
    }

    public static Builder builder(String text) {
        return new Builder(text);
    }

    public static final class Builder {
        private final String text;
        private Voice voice;
        private Gender gender;
        private String locale;

        private Builder(String text) {
            this.text = text;
        }

        public Builder voice(Voice value) {
            voice = value;
            return this;
        }

        public Builder gender(Gender value) {
            gender = value;
            return this;
        }

        public Builder locale(String value) {
            locale = value;
            return this;
        }

        public SpeakSentence build() {
            return new SpeakSentence(text, voice, gender, locale);
        }
    }
}
