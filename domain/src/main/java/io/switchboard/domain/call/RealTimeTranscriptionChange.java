package io.switchboard.domain.call;

import io.switchboard.domain.common.WireValue;

/** What happened to a real-time transcription; each change is its own event type on the wire. */
public enum RealTimeTranscriptionChange implements WireValue {
    STARTED("realTimeTranscriptionStarted"),
    REJECTED("realTimeTranscriptionRejected"),
    STOPPED("realTimeTranscriptionStopped"),
    /** The transcript of a stopped transcription is ready (or failed). */
    AVAILABLE("realTimeTranscriptionAvailable");

    private final String wireName;

    RealTimeTranscriptionChange(String wireName) {
        this.wireName = wireName;
    }

    /** The event type Bandwidth sends for this change. */
    @Override
    public String wireName() {
        return wireName;
    }
}
