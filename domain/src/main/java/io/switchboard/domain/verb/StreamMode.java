package io.switchboard.domain.verb;

import io.switchboard.domain.common.WireValue;

/** Whether a {@link StartStream} only sends audio or also plays what the server sends back; default unidirectional. */
public enum StreamMode implements WireValue {
    UNIDIRECTIONAL("unidirectional"),
    BIDIRECTIONAL("bidirectional");

    private final String wireName;

    StreamMode(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
