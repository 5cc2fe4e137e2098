package io.switchboard.domain.verb;

import io.switchboard.domain.common.WireValue;

/** What Diversion headers the outbound leg of a Transfer or Forward carries; Bandwidth's default is none. */
public enum DiversionTreatment implements WireValue {
    NONE("none"),
    PROPAGATE("propagate"),
    STACK("stack");

    private final String wireName;

    DiversionTreatment(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
