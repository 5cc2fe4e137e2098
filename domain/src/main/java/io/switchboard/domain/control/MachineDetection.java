package io.switchboard.domain.control;

import io.switchboard.domain.verb.Callback;
import io.switchboard.domain.verb.Credentials;

/**
 * Answering-machine detection of a created call. Absent values take Bandwidth's defaults (mode async, detection
 * timeout 15 s, silence timeout 10 s, speech threshold 10 s, speech end threshold 5 s, no delayed result).
 *
 * @param callback    where the {@code machineDetectionComplete} webhook goes (async only): its
 *                    {@code callbackUrl}, {@code callbackMethod}, {@code fallbackUrl}, {@code fallbackMethod};
 *                    absent, the adapter points it at this service
 * @param credentials what Bandwidth presents to those URLs
 */
public record MachineDetection(
        MachineDetectionMode mode,
        Double detectionTimeout,
        Double silenceTimeout,
        Double speechThreshold,
        Double speechEndThreshold,
        Double machineSpeechEndThreshold,
        Boolean delayResult,
        Callback callback,
        Credentials credentials) {

    private static final String REQUEST = "createCall";
    private static final String PREFIX = "machineDetection.";

    public MachineDetection {
        RequestChecks.positiveSeconds(REQUEST, PREFIX + "detectionTimeout", detectionTimeout);
        RequestChecks.positiveSeconds(REQUEST, PREFIX + "silenceTimeout", silenceTimeout);
        RequestChecks.positiveSeconds(REQUEST, PREFIX + "speechThreshold", speechThreshold);
        RequestChecks.positiveSeconds(REQUEST, PREFIX + "speechEndThreshold", speechEndThreshold);
        RequestChecks.positiveSeconds(REQUEST, PREFIX + "machineSpeechEndThreshold", machineSpeechEndThreshold);
        if (callback != null) {
            if (mode == MachineDetectionMode.SYNC) {
                throw RequestChecks.invalid(
                        REQUEST, PREFIX + "callbackUrl", callback.url(), "is for async detection only");
            }
            RequestChecks.url(REQUEST, PREFIX + "callbackUrl", callback.url());
            RequestChecks.url(REQUEST, PREFIX + "fallbackUrl", callback.fallbackUrl());
        }
        RequestChecks.credentials(REQUEST, PREFIX, credentials);
    }

    /** Asynchronous detection with Bandwidth's defaults, reported to this service. */
    public static MachineDetection async() {
        return builder().mode(MachineDetectionMode.ASYNC).build();
    }

    /** Detection with Bandwidth's defaults in the mode named {@code async} or {@code sync}, as operators write it. */
    public static MachineDetection ofMode(String mode) {
        for (MachineDetectionMode known : MachineDetectionMode.values()) {
            if (known.wireName().equals(mode)) {
                return builder().mode(known).build();
            }
        }
        throw RequestChecks.invalid(REQUEST, "machineDetection", mode, "must be async or sync");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private MachineDetectionMode mode;
        private Double detectionTimeout;
        private Double silenceTimeout;
        private Double speechThreshold;
        private Double speechEndThreshold;
        private Double machineSpeechEndThreshold;
        private Boolean delayResult;
        private Callback callback;
        private Credentials credentials;

        private Builder() {}

        public Builder mode(MachineDetectionMode value) {
            mode = value;
            return this;
        }

        public Builder detectionTimeout(double seconds) {
            detectionTimeout = seconds;
            return this;
        }

        public Builder silenceTimeout(double seconds) {
            silenceTimeout = seconds;
            return this;
        }

        public Builder speechThreshold(double seconds) {
            speechThreshold = seconds;
            return this;
        }

        public Builder speechEndThreshold(double seconds) {
            speechEndThreshold = seconds;
            return this;
        }

        public Builder machineSpeechEndThreshold(double seconds) {
            machineSpeechEndThreshold = seconds;
            return this;
        }

        public Builder delayResult(boolean value) {
            delayResult = value;
            return this;
        }

        public Builder callback(Callback value) {
            callback = value;
            return this;
        }

        public Builder credentials(Credentials value) {
            credentials = value;
            return this;
        }

        public MachineDetection build() {
            return new MachineDetection(
                    mode,
                    detectionTimeout,
                    silenceTimeout,
                    speechThreshold,
                    speechEndThreshold,
                    machineSpeechEndThreshold,
                    delayResult,
                    callback,
                    credentials);
        }
    }
}
