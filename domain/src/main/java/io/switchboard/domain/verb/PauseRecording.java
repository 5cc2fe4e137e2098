package io.switchboard.domain.verb;

/** Pauses the recording a {@link StartRecording} began; the pause is silent in the file. No attributes: {@link #of}. */
public record PauseRecording() implements Verb {
    private static final PauseRecording INSTANCE = new PauseRecording();

    public static PauseRecording of() {
        return INSTANCE;
    }
}
