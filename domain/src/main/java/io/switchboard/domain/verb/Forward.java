package io.switchboard.domain.verb;

/**
 * Forwards an unanswered inbound call; the application then loses control of both legs (no further webhooks
 * but {@code disconnect}). Made with {@link #of} or {@link #builder}.
 *
 * @param to                 required: an E.164 number or a {@code sip:} URI
 * @param from               caller id: E.164 or Restricted, Anonymous, Private, Unavailable
 * @param callTimeout        seconds to ring, 1 to 300, a decimal; absent means 30
 * @param diversionTreatment absent means none
 * @param diversionReason    only used with {@link DiversionTreatment#STACK}; absent means unknown
 * @param uui                User-to-User header value with its encoding, at most 256 characters
 */
public record Forward(
        String to,
        String from,
        Double callTimeout,
        DiversionTreatment diversionTreatment,
        DiversionReason diversionReason,
        String uui)
        implements Verb {

    public Forward {
        Limits.required("Forward", "to", to);
        if (!Limits.E164.matcher(to).matches() && !SipUri.isSipUri(to)) {
            throw Limits.invalid("Forward", "to", to, "must be an E.164 number such as +15555550100 or a sip: URI");
        }
        Limits.callerId("Forward", "from", from);
        Limits.between("Forward", "callTimeout", callTimeout, 1, 300, " seconds");
        Limits.uui("Forward", uui);
    }

    public static Forward of(String to) {
        return builder(to).build();
    }

    public static Builder builder(String to) {
        return new Builder(to);
    }

    public static final class Builder {
        private final String to;
        private String from;
        private Double callTimeout;
        private DiversionTreatment diversionTreatment;
        private DiversionReason diversionReason;
        private String uui;

        private Builder(String to) {
            this.to = to;
        }

        public Builder from(String value) {
            from = value;
            return this;
        }

        public Builder callTimeout(double seconds) {
            callTimeout = seconds;
            return this;
        }

        public Builder diversion(DiversionTreatment treatment, DiversionReason reason) {
            diversionTreatment = treatment;
            diversionReason = reason;
            return this;
        }

        public Builder uui(String value) {
            uui = value;
            return this;
        }

        public Forward build() {
            return new Forward(to, from, callTimeout, diversionTreatment, diversionReason, uui);
        }
    }
}
