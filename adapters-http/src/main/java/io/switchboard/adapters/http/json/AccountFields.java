package io.switchboard.adapters.http.json;

/** The account, which {@code conferenceRecordingAvailable} carries unlike the other conference events. */
record AccountFields(String accountId) {}
