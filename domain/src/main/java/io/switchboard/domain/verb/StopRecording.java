package io.switchboard.domain.verb;

/** Stops the recording a {@link StartRecording} began; {@code recordingAvailable} follows. No attributes. */
public record StopRecording() implements Verb {}
