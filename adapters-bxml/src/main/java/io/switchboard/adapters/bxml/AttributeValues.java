package io.switchboard.adapters.bxml;

import java.util.Collection;
import java.util.Map;

/** The attributes one element carries in a document, parsed on demand with the element named in every error. */
final class AttributeValues {
    private final String element;
    private final Map<String, String> spellings;

    AttributeValues(String element, Map<String, String> spellings) {
        this.element = element;
        this.spellings = Map.copyOf(spellings);
    }

    String element() {
        return element;
    }

    boolean hasAny(Collection<String> names) {
        return names.stream().anyMatch(spellings::containsKey);
    }

    /** The value of attribute {@code name}, or {@code null} when it is absent. */
    <V> V parse(String name, ValueType<V> type) {
        String spelling = spellings.get(name);
        if (spelling == null) {
            return null;
        }
        try {
            return type.parse().apply(spelling);
        } catch (IllegalArgumentException notValid) {
            throw BxmlException.badValue(element, name, spelling, type.allowed());
        }
    }
}
