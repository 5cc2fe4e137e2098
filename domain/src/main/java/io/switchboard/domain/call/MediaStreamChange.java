package io.switchboard.domain.call;

import io.switchboard.domain.common.WireValue;

/** What happened to a media stream; each change is its own event type on the wire. */
public enum MediaStreamChange implements WireValue {
    STARTED("mediaStreamStarted"),
    REJECTED("mediaStreamRejected"),
    STOPPED("mediaStreamStopped");

    private final String wireName;

    MediaStreamChange(String wireName) {
        this.wireName = wireName;
    }

    /** The event type Bandwidth sends for this change. */
    @Override
    public String wireName() {
        return wireName;
    }
}
