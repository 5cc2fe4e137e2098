package io.switchboard.domain.verb;

/**
 * A name and value a {@link StartTranscription} sends to its destination when it starts.
 *
 * @param name  required, at most 256 characters
 * @param value required, at most 2048 characters
 */
public record CustomParam(String name, String value) {
    public CustomParam {
        Limits.parameter("CustomParam", name, value);
    }

    public static CustomParam of(String name, String value) {
        return new CustomParam(name, value);
    }
}
