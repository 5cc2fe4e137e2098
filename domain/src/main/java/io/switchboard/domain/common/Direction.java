package io.switchboard.domain.common;

/** Whether Bandwidth received the call or placed it; never changes during a call. */
public enum Direction implements WireValue {
    INBOUND("inbound"),
    OUTBOUND("outbound");

    private final String wireName;

    Direction(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
