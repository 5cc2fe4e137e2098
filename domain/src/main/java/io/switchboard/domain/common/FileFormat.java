package io.switchboard.domain.common;

/** The audio format of a recording. */
public enum FileFormat implements WireValue {
    WAV("wav"),
    MP3("mp3");

    private final String wireName;

    FileFormat(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
