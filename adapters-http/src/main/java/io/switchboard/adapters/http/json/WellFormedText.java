package io.switchboard.adapters.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Refuses text that cannot be stored: a UTF-16 surrogate without its pair ({@code "\ud800"} is valid JSON, but no
 * Unicode text, and the journal's CBOR serializer and the cluster's remoting refuse it after the webhook was
 * accepted). Every value and every field name of a webhook passes here before anything is read from it.
 */
final class WellFormedText {
    private static final char REPLACEMENT = '\uFFFD';

    private WellFormedText() {}

    /** {@code json} itself, if every text in it, names included, is well-formed. */
    static JsonNode require(JsonNode json) {
        requireWithin(json, null);
        return json;
    }

    private static void requireWithin(JsonNode node, String path) {
        if (node.isTextual()) {
            requireWellFormed(path, node.textValue());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireWithin(node.get(i), (path == null ? "" : path) + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String fieldPath = path == null ? field.getKey() : path + "." + field.getKey();
                requireWellFormed(fieldPath, field.getKey());
                requireWithin(field.getValue(), fieldPath);
            }
        }
    }

    private static void requireWellFormed(String path, String text) {
        int at = loneSurrogateAt(text);
        if (at >= 0) {
            // The problem document names the field, so its name must be writable too.
            String field = path == null ? null : replaceLoneSurrogates(path);
            throw new InvalidPayloadException(
                    field,
                    null,
                    (field == null ? "The body" : field)
                            + " must be well-formed Unicode text: a UTF-16 surrogate without its pair at character "
                            + at);
        }
    }

    /** Where the first surrogate without its pair is, or -1. */
    static int loneSurrogateAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String replaceLoneSurrogates(String text) {
        StringBuilder replaced = new StringBuilder(text);
        for (int at = loneSurrogateAt(replaced.toString()); at >= 0; at = loneSurrogateAt(replaced.toString())) {
            replaced.setCharAt(at, REPLACEMENT);
        }
        return replaced.toString();
    }
}
