package io.switchboard.domain.control;

import io.switchboard.domain.common.WireValue;

/**
 * When an outbound call's answering-machine detection reports: {@code async} in a
 * {@code machineDetectionComplete} webhook while the answer's BXML runs, {@code sync} in the answer webhook itself.
 */
public enum MachineDetectionMode implements WireValue {
    SYNC("sync"),
    ASYNC("async");

    private final String wireName;

    MachineDetectionMode(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
