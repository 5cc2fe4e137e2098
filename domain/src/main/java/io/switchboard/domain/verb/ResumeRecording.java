package io.switchboard.domain.verb;

/** Resumes a recording paused with {@link PauseRecording}. No attributes. */
public record ResumeRecording() implements Verb {}
