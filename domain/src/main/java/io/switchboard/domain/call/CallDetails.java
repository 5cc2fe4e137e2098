package io.switchboard.domain.call;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.Checks;
import io.switchboard.domain.common.Direction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fields every call event carries. Optional ones are {@code null} when the payload leaves them out.
 *
 * @param eventTime        when Bandwidth emitted the event (live platform only)
 * @param callUrl          kept as sent: Bandwidth's own examples are not valid URIs
 * @param enqueuedTime     when a queued outbound call was queued
 * @param tag              the call's tag; absent when never set or cleared
 * @param parentCallId     on events of a transfer's B-leg: the A-leg (the contract calls it {@code transferCallId})
 * @param transferCallerId on events of a transfer's B-leg: the caller id shown to the transfer target
 * @param transferTo       on events of a transfer's B-leg: the number or SIP URI transferred to
 * @param unparsedFields   optional fields beyond the contract that arrived malformed, kept as sent (field name →
 *                         raw text) instead of refusing the event; empty (the shared empty map) almost always
 */
public record CallDetails(
        CallId callId,
        Instant eventTime,
        String accountId,
        String applicationId,
        String from,
        String to,
        Direction direction,
        String callUrl,
        Instant startTime,
        Instant answerTime,
        Instant enqueuedTime,
        String tag,
        CallId parentCallId,
        String transferCallerId,
        String transferTo,
        Map<String, String> unparsedFields) {

    public CallDetails {
        Objects.requireNonNull(callId, "callId");
        unparsedFields = Checks.copyOfTextFields("unparsedFields", unparsedFields);
    }

    public static Builder builder(CallId callId) {
        return new Builder(callId);
    }

    /** Builds details field by field; what is not set stays absent. */
    public static final class Builder {
        private final CallId callId;
        private Instant eventTime;
        private String accountId;
        private String applicationId;
        private String from;
        private String to;
        private Direction direction;
        private String callUrl;
        private Instant startTime;
        private Instant answerTime;
        private Instant enqueuedTime;
        private String tag;
        private CallId parentCallId;
        private String transferCallerId;
        private String transferTo;
        private Map<String, String> unparsedFields;

        private Builder(CallId callId) {
            this.callId = Objects.requireNonNull(callId, "callId");
        }

        public Builder eventTime(Instant value) {
            eventTime = value;
            return this;
        }

        public Builder account(String accountId, String applicationId) {
            this.accountId = accountId;
            this.applicationId = applicationId;
            return this;
        }

        public Builder parties(String from, String to, Direction direction) {
            this.from = from;
            this.to = to;
            this.direction = direction;
            return this;
        }

        public Builder callUrl(String value) {
            callUrl = value;
            return this;
        }

        public Builder times(Instant startTime, Instant answerTime, Instant enqueuedTime) {
            this.startTime = startTime;
            this.answerTime = answerTime;
            this.enqueuedTime = enqueuedTime;
            return this;
        }

        public Builder tag(String value) {
            tag = value;
            return this;
        }

        public Builder transfer(CallId parentCallId, String transferCallerId, String transferTo) {
            this.parentCallId = parentCallId;
            this.transferCallerId = transferCallerId;
            this.transferTo = transferTo;
            return this;
        }

        /**
         * Keeps an optional field that arrived malformed as sent, so the event is still handled; a second value
         * for the same field replaces the first.
         */
        public Builder unparsed(String field, String rawValue) {
            Checks.requireNonBlank("unparsed field name", field);
            Objects.requireNonNull(rawValue, "rawValue of unparsed field " + field);
            if (unparsedFields == null) {
                unparsedFields = new LinkedHashMap<>();
            }
            unparsedFields.put(field, rawValue);
            return this;
        }

        public CallDetails build() {
            return new CallDetails(
                    callId,
                    eventTime,
                    accountId,
                    applicationId,
                    from,
                    to,
                    direction,
                    callUrl,
                    startTime,
                    answerTime,
                    enqueuedTime,
                    tag,
                    parentCallId,
                    transferCallerId,
                    transferTo,
                    unparsedFields);
        }
    }
}
