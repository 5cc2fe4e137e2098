package io.switchboard.adapters.http.json;

import static io.switchboard.adapters.http.json.DomainValues.optionalCallId;
import static io.switchboard.adapters.http.json.DomainValues.requiredCallId;
import static io.switchboard.adapters.http.json.DomainValues.shared;
import static io.switchboard.adapters.http.json.DomainValues.wireValue;

import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.Direction;
import java.time.Instant;
import java.util.Map;

/**
 * The fields every call event carries, read from the same JSON object as the event's own fields. Carries both
 * names of the A-leg: the contract's {@code transferCallId} and the live platform's {@code parentCallId}.
 */
record CallFields(
        String callId,
        Instant eventTime,
        String accountId,
        String applicationId,
        String from,
        String to,
        String direction,
        String callUrl,
        Instant startTime,
        Instant answerTime,
        Instant enqueuedTime,
        String tag,
        String parentCallId,
        String transferCallId,
        String transferCallerId,
        String transferTo) {

    /**
     * @param unparsed fields beyond the contract that arrived malformed, kept as sent
     */
    CallDetails toDomain(int maxIdLength, Map<String, String> unparsed) {
        CallDetails.Builder call = CallDetails.builder(requiredCallId("callId", callId, maxIdLength))
                .eventTime(eventTime)
                .account(shared(accountId), shared(applicationId))
                .parties(shared(from), shared(to), wireValue(Direction.class, "direction", direction))
                .callUrl(shared(callUrl))
                .times(startTime, answerTime, enqueuedTime)
                .tag(tag)
                .transfer(parentCall(maxIdLength), transferCallerId, transferTo);
        unparsed.forEach(call::unparsed);
        return call.build();
    }

    private CallId parentCall(int maxIdLength) {
        return parentCallId != null
                ? optionalCallId("parentCallId", parentCallId, maxIdLength)
                : optionalCallId("transferCallId", transferCallId, maxIdLength);
    }
}
