package io.switchboard.domain.control;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A recording's transcription: one transcript per speaker or channel (on a two-channel recording the caller
 * first, then what the call played; during a transfer the A-leg first).
 */
public record RecordingTranscript(List<Transcript> transcripts) {
    public RecordingTranscript {
        transcripts = List.copyOf(transcripts);
    }

    /** One transcript and Bandwidth's confidence in it, 0 to 1 ({@code null} when not given). */
    public record Transcript(String text, Double confidence) {}

    /** Every transcript's text, in order, one per line. */
    public String text() {
        return transcripts.stream().map(Transcript::text).collect(Collectors.joining("\n"));
    }
}
