package io.switchboard.adapters.bxml;

import io.switchboard.domain.common.WireValue;
import io.switchboard.domain.verb.CallbackMethod;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How one kind of model value is spelled in an attribute, both ways.
 *
 * @param allowed what a valid spelling looks like, for error messages
 * @param format  the spelling of a value; {@code null} leaves the attribute out
 * @param parse   the value of a spelling; throws {@link IllegalArgumentException} when it is not valid
 */
record ValueType<V>(String allowed, Function<V, String> format, Function<String, V> parse) {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");
    // Plain decimals only: Double.parseDouble alone would also take "1e3", "NaN", "0x1p3" and "5d".
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

    static final ValueType<String> TEXT = new ValueType<>("any text", Function.identity(), Function.identity());

    static final ValueType<Integer> WHOLE =
            new ValueType<>("a whole number such as 5", value -> Integer.toString(value), spelling -> {
                requireMatch(WHOLE_NUMBER, spelling);
                return Integer.valueOf(spelling);
            });

    static final ValueType<Double> NUMBER =
            new ValueType<>("a decimal number such as 5 or 0.5", ValueType::plainDecimal, spelling -> {
                requireMatch(DECIMAL, spelling);
                return Double.valueOf(spelling);
            });

    static final ValueType<Boolean> BOOLEAN =
            new ValueType<>("true or false", value -> Boolean.toString(value), spelling -> switch (spelling) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException(spelling);
            });

    static final ValueType<CallbackMethod> METHOD = new ValueType<>(
            String.join(
                    " or ",
                    Arrays.stream(CallbackMethod.values()).map(Enum::name).toList()),
            Enum::name,
            CallbackMethod::valueOf);

    /** One of an enumeration's wire spellings, such as {@code mp3} or {@code user-busy}. */
    static <E extends Enum<E> & WireValue> ValueType<E> wire(Class<E> type) {
        return new ValueType<>(
                "one of " + WireValue.allowed(type),
                WireValue::wireName,
                spelling -> WireValue.parse(type, type.getSimpleName(), spelling));
    }

    /** Call ids separated by commas; an empty list is left out. */
    static final ValueType<List<String>> CALL_IDS =
            new ValueType<>("call ids separated by commas", ValueType::joinCallIds, ValueType::splitCallIds);

    private static void requireMatch(Pattern pattern, String spelling) {
        if (!pattern.matcher(spelling).matches()) {
            throw new IllegalArgumentException(spelling);
        }
    }

    /**
     * A decimal as Bandwidth's own SDK writes one: always with a fraction ({@code 15.0}, {@code 0.5}), never an
     * exponent or trailing zeros beyond the first. BigDecimal.valueOf goes through Double.toString, whose digits
     * read back as the same double; the domain refuses numbers that are not finite.
     */
    private static String plainDecimal(Double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return (decimal.scale() > 0 ? decimal : decimal.setScale(1)).toPlainString();
    }

    // The domain refuses call ids that are empty or hold a comma, so the list splits back as it was joined.
    private static String joinCallIds(List<String> callIds) {
        return callIds.isEmpty() ? null : String.join(",", callIds);
    }

    private static List<String> splitCallIds(String spelling) {
        if (spelling.isEmpty()) {
            return List.of();
        }
        List<String> callIds = List.of(spelling.split(",", -1));
        if (callIds.contains("")) {
            throw new IllegalArgumentException(spelling);
        }
        return callIds;
    }
}
