package io.switchboard.domain.call;

import io.switchboard.domain.common.WireValue;

/** Whether a {@code <Refer>} handed the call over. */
public enum ReferCallStatus implements WireValue {
    SUCCESS("success"),
    FAILURE("failure");

    private final String wireName;

    ReferCallStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
