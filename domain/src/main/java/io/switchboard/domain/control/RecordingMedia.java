package io.switchboard.domain.control;

import java.util.Arrays;
import java.util.Objects;

/** A downloaded recording: its bytes and their media type ({@code audio/vnd.wave}, {@code audio/mpeg}). */
public record RecordingMedia(byte[] content, String contentType) {
    public RecordingMedia {
        content = Objects.requireNonNull(content, "content").clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordingMedia media
                && Arrays.equals(content, media.content)
                && Objects.equals(contentType, media.contentType);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(content) + Objects.hashCode(contentType);
    }

    @Override
    public String toString() {
        return "RecordingMedia[" + content.length + " bytes of " + contentType + "]";
    }
}
