package io.switchboard.adapters.http.json;

import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.call.ReferCallStatus;
import io.switchboard.domain.call.ReferCompleted;

/** How a {@code <Refer>} ended ({@code referComplete}). */
record ReferFields(
        String referCallStatus, Integer referSipResponseCode, Integer notifySipResponseCode, String referTo) {

    ReferCompleted toDomain(CallDetails call) {
        ReferCallStatus status = DomainValues.wireValue(
                ReferCallStatus.class, "referCallStatus", DomainValues.required("referCallStatus", referCallStatus));
        return new ReferCompleted(call, status, referSipResponseCode, notifySipResponseCode, referTo);
    }
}
