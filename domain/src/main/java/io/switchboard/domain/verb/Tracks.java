package io.switchboard.domain.verb;

import io.switchboard.domain.common.WireValue;

/** Which audio of the call a stream or a real-time transcription takes; Bandwidth's default is inbound. */
public enum Tracks implements WireValue {
    INBOUND("inbound"),
    OUTBOUND("outbound"),
    BOTH("both");

    private final String wireName;

    Tracks(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
