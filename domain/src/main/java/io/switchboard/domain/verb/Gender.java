package io.switchboard.domain.verb;

import io.switchboard.domain.common.WireValue;

/** The voice a {@link SpeakSentence} uses when no {@link Voice} is named; Bandwidth's default is female. */
public enum Gender implements WireValue {
    MALE("male"),
    FEMALE("female");

    private final String wireName;

    Gender(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
