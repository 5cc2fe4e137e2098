package io.switchboard.domain.verb;

import java.util.regex.Pattern;

/**
 * Plays DTMF tones: {@link #of} or {@link #builder}.
 *
 * @param digits       1 to 50 of {@code 0-9 * # a-d A-D}, with {@code w} or {@code ,} for a half-second pause and
 *                     {@code W} for a second
 * @param toneDuration milliseconds each tone lasts, 50 to 5000, a decimal; absent means 200
 * @param toneInterval milliseconds between tones, 50 to 5000, a decimal; absent means 400
 */
public record SendDtmf(String digits, Double toneDuration, Double toneInterval) implements Verb {
    private static final Pattern DIGITS = Pattern.compile("[0-9*#a-dA-DwW,]{1,50}");

    public SendDtmf {
        Limits.required("SendDtmf", "digits", digits);
        Limits.matches(
                "SendDtmf",
                "digits",
                digits,
                DIGITS,
                "1 to 50 of 0-9 * # a-d A-D, w or , (half a second) and W (a second)");
        Limits.between("SendDtmf", "toneDuration", toneDuration, 50, 5000, " milliseconds");
        Limits.between("SendDtmf", "toneInterval", toneInterval, 50, 5000, " milliseconds");
    }

    public static SendDtmf of(String digits) {
        return builder(digits).build();
    }

    public static Builder builder(String digits) {
        return new Builder(digits);
    }

    public static final class Builder {
        private final String digits;
        private Double toneDuration;
        private Double toneInterval;

        private Builder(String digits) {
            this.digits = digits;
        }

        public Builder toneDuration(double milliseconds) {
            toneDuration = milliseconds;
            return this;
        }

        public Builder toneInterval(double milliseconds) {
            toneInterval = milliseconds;
            return this;
        }

        public SendDtmf build() {
            return new SendDtmf(digits, toneDuration, toneInterval);
        }
    }
}
