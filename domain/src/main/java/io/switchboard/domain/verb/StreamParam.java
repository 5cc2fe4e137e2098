package io.switchboard.domain.verb;

/**
 * A name and value a {@link StartStream} sends to its destination when the stream starts.
 *
 * @param name  required, at most 256 characters
 * @param value required, at most 2048 characters
 */
public record StreamParam(String name, String value) {
    public StreamParam {
        Limits.parameter("StreamParam", name, value);
    }

    public static StreamParam of(String name, String value) {
        return new StreamParam(name, value);
    }
}
