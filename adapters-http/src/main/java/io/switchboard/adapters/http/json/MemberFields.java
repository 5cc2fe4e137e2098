package io.switchboard.adapters.http.json;

import static io.switchboard.adapters.http.json.DomainValues.requiredCallId;

import io.switchboard.domain.conference.ConferenceMember;

/** The call that joined or left a conference; {@code from} and {@code to} come from the live platform only. */
record MemberFields(String callId, String from, String to) {

    ConferenceMember toDomain(int maxIdLength) {
        return new ConferenceMember(requiredCallId("callId", callId, maxIdLength), from, to);
    }
}
