package io.switchboard.domain.verb;

/**
 * A name and value a {@link StartTranscription} sends to its destination when it starts.
 *
 * @param name  required, at most 256 characters
 * @param value required, at most 2048 characters
 */
public record CustomParam(String name, String value) {
    public CustomParam {
        Limits.required("CustomParam", "name", name);
        Limits.maxLength("CustomParam", "name", name, 256);
        Limits.required("CustomParam", "value", value);
        Limits.maxLength("CustomParam", "value", value, 2048);
    }
}
