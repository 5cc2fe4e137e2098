package io.switchboard.domain.verb;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rings one to eight targets at once and bridges the first that answers; then sends {@code transferComplete}
 * to the A-leg if it is still up. Made with {@link #builder}, its targets added with {@code phoneNumber(...)} and
 * {@code sipUri(...)}.
 *
 * @param transferCallerId          caller id shown to the targets: E.164 or Restricted, Anonymous, Private,
 *                                  Unavailable
 * @param transferCallerDisplayName at most 256 characters
 * @param callTimeout               seconds to ring, 1 to 300, a decimal as Bandwidth documents it (such as
 *                                  {@code 15.0}); absent means 30
 * @param transferComplete          absent: filled in by a writer with a callback base
 * @param diversionTreatment        absent means none
 * @param diversionReason           only used with {@link DiversionTreatment#STACK}; absent means unknown
 * @param targets                   1 to 8 {@link PhoneNumber}s or {@link SipUri}s
 */
public record Transfer(
        String transferCallerId,
        String transferCallerDisplayName,
        Double callTimeout,
        Callback transferComplete,
        Credentials credentials,
        String tag,
        DiversionTreatment diversionTreatment,
        DiversionReason diversionReason,
        List<TransferTarget> targets)
        implements Verb {

    public static final int MAX_TARGETS = 8;

    public Transfer {
        targets = Limits.elements("Transfer", "targets", targets);
        if (targets.isEmpty() || targets.size() > MAX_TARGETS) {
            throw Limits.invalid(
                    "Transfer",
                    "targets",
                    targets.size(),
                    "must be 1 to " + MAX_TARGETS + " PhoneNumber or SipUri elements");
        }
        Limits.callerId("Transfer", "transferCallerId", transferCallerId);
        Limits.maxLength(
                "Transfer", "transferCallerDisplayName", transferCallerDisplayName, Limits.DISPLAY_NAME_LENGTH);
        Limits.between("Transfer", "callTimeout", callTimeout, 1, 300, " seconds");
        Limits.callback("Transfer", "transferComplete", transferComplete);
        Limits.credentials("Transfer", credentials);
        Limits.tag("Transfer", tag);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String transferCallerId;
        private String transferCallerDisplayName;
        private Double callTimeout;
        private Callback transferComplete;
        private Credentials credentials;
        private String tag;
        private DiversionTreatment diversionTreatment;
        private DiversionReason diversionReason;
        private final List<TransferTarget> targets = new ArrayList<>();

        private Builder() {}

        public Builder transferCallerId(String value) {
            transferCallerId = value;
            return this;
        }

        public Builder transferCallerDisplayName(String value) {
            transferCallerDisplayName = value;
            return this;
        }

        public Builder callTimeout(double seconds) {
            callTimeout = seconds;
            return this;
        }

        public Builder transferCompleteUrl(String url) {
            transferComplete = Callback.of(url);
            return this;
        }

        public Builder transferComplete(Callback value) {
            transferComplete = value;
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

        public Builder diversion(DiversionTreatment treatment, DiversionReason reason) {
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

        public Builder phoneNumber(String number, Consumer<TransferTarget.Builder<PhoneNumber>> customiser) {
            return target(Verbs.built(PhoneNumber.builder(number), customiser, TransferTarget.Builder::build));
        }

        public Builder sipUri(String uri) {
            return target(SipUri.of(uri));
        }

        public Builder sipUri(String uri, Consumer<TransferTarget.Builder<SipUri>> customiser) {
            return target(Verbs.built(SipUri.builder(uri), customiser, TransferTarget.Builder::build));
        }

        public Transfer build() {
            return new Transfer(
                    transferCallerId,
                    transferCallerDisplayName,
                    callTimeout,
                    transferComplete,
                    credentials,
                    tag,
                    diversionTreatment,
                    diversionReason,
                    targets);
        }
    }
}
