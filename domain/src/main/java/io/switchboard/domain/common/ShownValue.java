package io.switchboard.domain.common;

/** How a refused value appears in a message: text quoted and shortened, whole numbers without a fraction. */
public final class ShownValue {
    private static final int SHOWN_LENGTH = 60;

    private ShownValue() {}

    public static String of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence text) {
            String shown = text.length() <= SHOWN_LENGTH
                    ? text.toString()
                    : text.subSequence(0, SHOWN_LENGTH) + "... (" + text.length() + " characters)";
            return "'" + shown + "'";
        }
        if (value instanceof Double number
                && number == Math.rint(number)
                && !number.isInfinite()
                && Math.abs(number) < 1e15) {
            return Long.toString(number.longValue());
        }
        return String.valueOf(value);
    }
}
