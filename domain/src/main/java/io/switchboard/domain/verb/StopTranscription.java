package io.switchboard.domain.verb;

/**
 * Stops a real-time transcription.
 *
 * @param name the transcription's name; absent stops them all
 */
public record StopTranscription(String name) implements Verb {
    public StopTranscription {
        Limits.notBlank("StopTranscription", "name", name);
    }
}
