package io.switchboard.domain.verb;

import io.switchboard.domain.common.FileFormat;

/**
 * Records the caller, then sends {@code recordComplete} (whose reply drives the call on), and later
 * {@code recordingAvailable} and, with {@code transcribe}, {@code transcriptionAvailable}.
 *
 * @param maxDuration    seconds, at most 10800
 * @param silenceTimeout seconds of silence that end the recording; 0 turns it off
 */
public record Record(
        Callback recordComplete,
        Callback recordingAvailable,
        Boolean transcribe,
        Boolean detectLanguage,
        Callback transcriptionAvailable,
        Credentials credentials,
        String tag,
        String terminatingDigits,
        Integer maxDuration,
        Integer silenceTimeout,
        FileFormat fileFormat) implements Verb {

    public Record {
        if (maxDuration != null && (maxDuration < 1 || maxDuration > 10_800)) {
            throw new IllegalArgumentException("Record: maxDuration must be between 1 and 10800 seconds, was " + maxDuration);
        }
        if (silenceTimeout != null && silenceTimeout < 0) {
            throw new IllegalArgumentException("Record: silenceTimeout must not be negative, was " + silenceTimeout);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Callback recordComplete;
        private Callback recordingAvailable;
        private Boolean transcribe;
        private Boolean detectLanguage;
        private Callback transcriptionAvailable;
        private Credentials credentials;
        private String tag;
        private String terminatingDigits;
        private Integer maxDuration;
        private Integer silenceTimeout;
        private FileFormat fileFormat;

        private Builder() {
        }

        public Builder recordCompleteUrl(String url) {
            recordComplete = Callback.to(url);
            return this;
        }

        public Builder recordingAvailableUrl(String url) {
            recordingAvailable = Callback.to(url);
            return this;
        }

        /** Asks for a transcription, delivered to {@code transcriptionAvailableUrl}. */
        public Builder transcribeTo(String transcriptionAvailableUrl) {
            transcribe = true;
            transcriptionAvailable = Callback.to(transcriptionAvailableUrl);
            return this;
        }

        public Builder detectLanguage(boolean value) {
            detectLanguage = value;
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

        public Builder terminatingDigits(String value) {
            terminatingDigits = value;
            return this;
        }

        public Builder maxDuration(int seconds) {
            maxDuration = seconds;
            return this;
        }

        public Builder silenceTimeout(int seconds) {
            silenceTimeout = seconds;
            return this;
        }

        public Builder fileFormat(FileFormat value) {
            fileFormat = value;
            return this;
        }

        public Record build() {
            return new Record(recordComplete, recordingAvailable, transcribe, detectLanguage, transcriptionAvailable,
                    credentials, tag, terminatingDigits, maxDuration, silenceTimeout, fileFormat);
        }
    }
}
