package io.switchboard.domain.verb;

/**
 * Speaks text (which may carry SSML) with text-to-speech.
 *
 * @param voice  one of Bandwidth's voices; overrides gender and locale
 * @param gender {@code male} or {@code female}
 * @param locale such as {@code en_US}
 */
public record SpeakSentence(String text, String voice, String gender, String locale) implements Prompt {
    public SpeakSentence {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("SpeakSentence: text is required");
        }
    }

    public static SpeakSentence of(String text) {
        return new SpeakSentence(text, null, null, null);
    }
}
