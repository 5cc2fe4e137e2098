package io.switchboard.domain.verb;

import java.util.ArrayList;
import java.util.List;

/**
 * Rings one to eight targets at once and bridges the first that answers; then sends {@code transferComplete}
 * to the A-leg if it is still up.
 *
 * @param callTimeout seconds to ring, 1 to 300
 */
public record Transfer(
        String transferCallerId,
        String transferCallerDisplayName,
        Integer callTimeout,
        Callback transferComplete,
        Credentials credentials,
        String tag,
        String diversionTreatment,
        String diversionReason,
        List<TransferTarget> targets) implements Verb {

    public Transfer {
        targets = List.copyOf(targets);
        if (targets.isEmpty() || targets.size() > 8) {
            throw new IllegalArgumentException("Transfer: needs 1 to 8 PhoneNumber or SipUri targets, had " + targets.size());
        }
        if (callTimeout != null && (callTimeout < 1 || callTimeout > 300)) {
            throw new IllegalArgumentException("Transfer: callTimeout must be between 1 and 300 seconds, was " + callTimeout);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String transferCallerId;
        private String transferCallerDisplayName;
        private Integer callTimeout;
        private Callback transferComplete;
        private Credentials credentials;
        private String tag;
        private String diversionTreatment;
        private String diversionReason;
        private final List<TransferTarget> targets = new ArrayList<>();

        private Builder() {
        }

        public Builder transferCallerId(String value) {
            transferCallerId = value;
            return this;
        }

        public Builder transferCallerDisplayName(String value) {
            transferCallerDisplayName = value;
            return this;
        }

        public Builder callTimeout(int seconds) {
            callTimeout = seconds;
            return this;
        }

        public Builder transferCompleteUrl(String url) {
            transferComplete = Callback.to(url);
            return this;
        }

        public Builder credentials(Credentials value) {
            credentials = value;
            return this;
        }

        public Builder tag(String value) {
            tag = value;
            return this;
        }

        public Builder diversion(String treatment, String reason) {
            diversionTreatment = treatment;
            diversionReason = reason;
            return this;
        }

        public Builder target(TransferTarget value) {
            targets.add(value);
            return this;
        }

        public Builder phoneNumber(String number) {
            return target(PhoneNumber.of(number));
        }

        public Transfer build() {
            return new Transfer(transferCallerId, transferCallerDisplayName, callTimeout, transferComplete, credentials,
                    tag, diversionTreatment, diversionReason, targets);
        }
    }
}
