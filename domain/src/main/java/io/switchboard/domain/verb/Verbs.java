package io.switchboard.domain.verb;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/** What the builders that hold verbs share: a verb made from a builder its caller customises. */
final class Verbs {
    private Verbs() {}

    /** {@code builder} after {@code customiser} has set its values, built (and so checked). */
    static <B, V> V built(B builder, Consumer<? super B> customiser, Function<B, V> build) {
        Objects.requireNonNull(customiser, "customiser").accept(builder);
        return build.apply(builder);
    }
}
