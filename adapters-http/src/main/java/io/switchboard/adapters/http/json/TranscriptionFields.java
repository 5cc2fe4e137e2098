package io.switchboard.adapters.http.json;

import io.switchboard.domain.call.Transcription;
import java.time.Instant;

/**
 * A transcription in either shape: the contract's flat {@code transcriptionId}/{@code transcriptionUrl}, or the
 * live platform's nested {@code transcription{id,url,status,completedTime}}. The nested object wins where both
 * say something.
 */
record TranscriptionFields(String transcriptionId, String transcriptionUrl, Nested transcription) {

    record Nested(String id, String url, String status, Instant completedTime) {}

    Transcription toDomain() {
        Nested nested = transcription != null ? transcription : new Nested(null, null, null, null);
        return new Transcription(
                firstPresent(nested.id(), transcriptionId),
                firstPresent(nested.url(), transcriptionUrl),
                nested.status(),
                nested.completedTime());
    }

    private static String firstPresent(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }
}
