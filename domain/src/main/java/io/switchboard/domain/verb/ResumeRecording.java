package io.switchboard.domain.verb;

/** Resumes a recording paused with {@link PauseRecording}. No attributes: {@link #of}. */
public record ResumeRecording() implements Verb {
    private static final ResumeRecording INSTANCE = new ResumeRecording();

    public static ResumeRecording of() {
        return INSTANCE;
    }
}
