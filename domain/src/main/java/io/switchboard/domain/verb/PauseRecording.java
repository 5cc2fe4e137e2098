package io.switchboard.domain.verb;

/** Pauses the recording a {@link StartRecording} began; the pause is silent in the file. No attributes. */
public record PauseRecording() implements Verb {}
