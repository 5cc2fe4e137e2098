package io.switchboard.domain.verb;

import io.switchboard.domain.common.WireValue;

/** The reason in a stacked Diversion header (only used with {@link DiversionTreatment#STACK}); default unknown. */
public enum DiversionReason implements WireValue {
    UNKNOWN("unknown"),
    USER_BUSY("user-busy"),
    NO_ANSWER("no-answer"),
    UNAVAILABLE("unavailable"),
    UNCONDITIONAL("unconditional"),
    TIME_OF_DAY("time-of-day"),
    DO_NOT_DISTURB("do-not-disturb"),
    DEFLECTION("deflection"),
    FOLLOW_ME("follow-me"),
    OUT_OF_SERVICE("out-of-service"),
    AWAY("away");

    private final String wireName;

    DiversionReason(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
