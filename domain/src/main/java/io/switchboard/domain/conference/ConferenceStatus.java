package io.switchboard.domain.conference;

public enum ConferenceStatus {
    ACTIVE,
    COMPLETED
}
