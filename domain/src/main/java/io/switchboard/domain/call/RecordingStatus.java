package io.switchboard.domain.call;

import io.switchboard.domain.common.WireValue;

/** Where a recording stands; the contract names the first three, Bandwidth's OpenAPI adds the last two. */
public enum RecordingStatus implements WireValue {
    COMPLETE("complete"),
    PARTIAL("partial"),
    ERROR("error"),
    PROCESSING("processing"),
    DELETED("deleted");

    private final String wireName;

    RecordingStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
