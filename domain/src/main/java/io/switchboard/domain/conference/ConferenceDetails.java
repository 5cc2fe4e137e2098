package io.switchboard.domain.conference;

import io.switchboard.domain.common.ConferenceId;
import java.time.Instant;
import java.util.Objects;

/**
 * The fields every conference event carries.
 *
 * @param tag       the tag of the call that created the conference
 * @param eventTime live platform only; {@code null} when absent
 */
public record ConferenceDetails(ConferenceId conferenceId, String name, String tag, Instant eventTime) {
    public ConferenceDetails {
        Objects.requireNonNull(conferenceId, "conferenceId");
    }
}
