package io.switchboard.domain.verb;

/**
 * One destination a {@link Transfer} rings. Its callbacks concern the B-leg: {@code transferAnswer} (whose
 * reply is played to the B-leg before bridging) and {@code transferDisconnect} (no fallback in BXML).
 */
public sealed interface TransferTarget permits PhoneNumber, SipUri {
    String address();

    Callback transferAnswer();

    PlainCallback transferDisconnect();

    Credentials credentials();

    String tag();

    /** User-to-User header value with its encoding, at most 256 characters. */
    String uui();

    /**
     * Builds a {@link PhoneNumber} or a {@link SipUri}: both carry the same attributes, so one builder serves
     * both ({@link PhoneNumber#builder}, {@link SipUri#builder}).
     */
    final class Builder<T extends TransferTarget> {
        /** The target's canonical constructor, which checks every value. */
        interface Constructor<T> {
            T create(
                    String address,
                    Callback transferAnswer,
                    PlainCallback transferDisconnect,
                    Credentials credentials,
                    String tag,
                    String uui);
        }

        private final Constructor<T> constructor;
        private final String address;
        private Callback transferAnswer;
        private PlainCallback transferDisconnect;
        private Credentials credentials;
        private String tag;
        private String uui;

        Builder(Constructor<T> constructor, String address) {
            this.constructor = constructor;
            this.address = address;
        }

        public Builder<T> transferAnswerUrl(String url) {
            return transferAnswer(Callback.of(url));
        }

        public Builder<T> transferAnswer(Callback value) {
            transferAnswer = value;
            return this;
        }

        public Builder<T> transferDisconnectUrl(String url) {
            return transferDisconnect(PlainCallback.of(url));
        }

        public Builder<T> transferDisconnect(PlainCallback value) {
            transferDisconnect = value;
            return this;
        }

        public Builder<T> credentials(Credentials value) {
            credentials = value;
            return this;
        }

        public Builder<T> tag(String value) {
            tag = value;
            return this;
        }

        public Builder<T> uui(String value) {
            uui = value;
            return this;
        }

        public T build() {
            return constructor.create(address, transferAnswer, transferDisconnect, credentials, tag, uui);
        }
    }
}
