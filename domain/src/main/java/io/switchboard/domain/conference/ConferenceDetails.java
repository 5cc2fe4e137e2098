package io.switchboard.domain.conference;

import io.switchboard.domain.common.Checks;
import io.switchboard.domain.common.ConferenceId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The fields every conference event carries.
 *
 * @param tag            the tag of the call that created the conference
 * @param eventTime      live platform only; {@code null} when absent
 * @param unparsedFields optional fields beyond the contract that arrived malformed, kept as sent (field name → raw
 *                       text) instead of refusing the event; empty (the shared empty map) almost always
 */
public record ConferenceDetails(
        ConferenceId conferenceId, String name, String tag, Instant eventTime, Map<String, String> unparsedFields) {
    public ConferenceDetails {
        Objects.requireNonNull(conferenceId, "conferenceId");
        unparsedFields = Checks.copyOfTextFields("unparsedFields", unparsedFields);
    }

    /** Details whose every field arrived well-formed. */
    public ConferenceDetails(ConferenceId conferenceId, String name, String tag, Instant eventTime) {
        this(conferenceId, name, tag, eventTime, Map.of());
    }
}
