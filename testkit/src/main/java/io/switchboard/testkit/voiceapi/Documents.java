package io.switchboard.testkit.voiceapi;

import java.util.Map;

/**
 * Reading the JSON documents of the simulated Voice API as the transport parsed them: objects are maps, arrays
 * lists, strings, numbers and booleans themselves. Keeps the engine free of any JSON library.
 */
public final class Documents {
    private Documents() {}

    /** The field's value as text; {@code null} when it is absent or JSON null. */
    public static String text(Map<String, Object> document, String field) {
        Object value = document.get(field);
        return value == null ? null : value.toString();
    }

    /** A nested object; empty when absent or not an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> document, String field) {
        return document.get(field) instanceof Map<?, ?> nested ? (Map<String, Object>) nested : Map.of();
    }
}
