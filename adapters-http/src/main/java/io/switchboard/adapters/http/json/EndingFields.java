package io.switchboard.adapters.http.json;

import static io.switchboard.adapters.http.json.DomainValues.domainValue;

import io.switchboard.domain.call.CallEnding;
import io.switchboard.domain.common.DisconnectCause;
import java.time.Instant;

/** How a call or a transfer leg ended ({@code disconnect}, {@code transferDisconnect}). */
record EndingFields(Instant endTime, String cause, String errorMessage, String errorId) {

    CallEnding toDomain() {
        // An absent cause is the domain's "unknown"; any other value is kept, since Bandwidth's list is open.
        DisconnectCause disconnectCause = cause == null ? null : domainValue(() -> new DisconnectCause(cause), "cause");
        return new CallEnding(endTime, disconnectCause, errorMessage, errorId);
    }
}
