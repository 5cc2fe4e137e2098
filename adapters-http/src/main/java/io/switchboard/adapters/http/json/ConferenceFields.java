package io.switchboard.adapters.http.json;

import static io.switchboard.adapters.http.json.DomainValues.requiredConferenceId;
import static io.switchboard.adapters.http.json.DomainValues.shared;

import io.switchboard.domain.conference.ConferenceDetails;
import java.time.Instant;
import java.util.Map;

/** The fields every conference event carries. */
record ConferenceFields(String conferenceId, String name, String tag, Instant eventTime) {

    /**
     * @param unparsed fields beyond the contract that arrived malformed, kept as sent
     */
    ConferenceDetails toDomain(int maxIdLength, Map<String, String> unparsed) {
        return new ConferenceDetails(
                requiredConferenceId("conferenceId", conferenceId, maxIdLength),
                shared(name),
                tag,
                eventTime,
                unparsed);
    }
}
