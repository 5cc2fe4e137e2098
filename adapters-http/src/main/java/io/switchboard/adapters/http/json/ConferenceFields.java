package io.switchboard.adapters.http.json;

import static io.switchboard.adapters.http.json.DomainValues.requiredConferenceId;

import io.switchboard.domain.conference.ConferenceDetails;
import java.time.Instant;

/** The fields every conference event carries. */
record ConferenceFields(String conferenceId, String name, String tag, Instant eventTime) {

    ConferenceDetails toDomain() {
        return new ConferenceDetails(requiredConferenceId("conferenceId", conferenceId), name, tag, eventTime);
    }
}
