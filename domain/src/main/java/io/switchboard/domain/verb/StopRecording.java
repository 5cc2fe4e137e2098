package io.switchboard.domain.verb;

/** Stops the recording a {@link StartRecording} began; {@code recordingAvailable} follows. No attributes: {@link #of}. */
public record StopRecording() implements Verb {
    private static final StopRecording INSTANCE = new StopRecording();

    public static StopRecording of() {
        return INSTANCE;
    }
}
