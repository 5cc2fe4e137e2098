package io.switchboard.domain.conference;

import io.switchboard.domain.common.CallId;
import java.util.Objects;

/** A call taking part in a conference; {@code from} and {@code to} are sent by the live platform only. */
public record ConferenceMember(CallId callId, String from, String to) {
    public ConferenceMember {
        Objects.requireNonNull(callId, "callId");
    }
}
