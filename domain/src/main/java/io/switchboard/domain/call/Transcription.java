package io.switchboard.domain.call;

import java.time.Instant;

/**
 * A transcription of a recording. The contract sends {@code transcriptionId}/{@code transcriptionUrl} flat;
 * the live platform nests {@code transcription{id,url,status,completedTime}}: both land here.
 *
 * @param status Bandwidth's word for it (available, error, timeout, file-size-too-big...), kept as sent
 */
public record Transcription(String id, String url, String status, Instant completedTime) {}
