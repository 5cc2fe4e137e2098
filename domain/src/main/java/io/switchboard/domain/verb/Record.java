package io.switchboard.domain.verb;

import io.switchboard.domain.common.FileFormat;

/**
 * Records the caller, then sends {@code recordComplete} (whose reply drives the call on), and later
 * {@code recordingAvailable} and, with {@code transcribe}, {@code transcriptionAvailable}. Made with
 * {@link #builder}.
 *
 * @param recordComplete         absent: filled in by a writer with a callback base (else no event, next verb runs)
 * @param recordingAvailable     BXML has no fallback for it
 * @param transcribe             absent means false
 * @param detectLanguage         absent means false
 * @param transcriptionAvailable BXML has no fallback for it; only sent with {@code transcribe}
 * @param credentials            Bandwidth asks for https URLs with them
 * @param terminatingDigits      digits (0-9, *, #) that end the recording; absent means {@code #}
 * @param maxDuration            whole seconds, 1 to 10800; absent means 60
 * @param silenceTimeout         seconds of silence that end the recording, 0 to 10800, a decimal (Bandwidth's SDK
 *                               writes {@code 0.0}); 0 (the default) turns it off
 * @param fileFormat             absent means wav
 */
public record Record(
        Callback recordComplete,
        PlainCallback recordingAvailable,
        Boolean transcribe,
        Boolean detectLanguage,
        PlainCallback transcriptionAvailable,
        Credentials credentials,
        String tag,
        String terminatingDigits,
        Integer maxDuration,
        Double silenceTimeout,
        FileFormat fileFormat)
        implements Verb {

    /** Bandwidth's longest recording, three hours; also the longest silenceTimeout. */
    public static final int MAX_SECONDS = 10_800;

    public Record {
        Limits.callback("Record", "recordComplete", recordComplete);
        Limits.callback("Record", "recordingAvailable", recordingAvailable);
        Limits.callback("Record", "transcriptionAvailable", transcriptionAvailable);
        Limits.credentials("Record", credentials);
        Limits.tag("Record", tag);
        Limits.terminatingDigits("Record", terminatingDigits);
        Limits.between("Record", "maxDuration", maxDuration, 1, MAX_SECONDS, " seconds");
        Limits.between("Record", "silenceTimeout", silenceTimeout, 0, MAX_SECONDS, " seconds");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Callback recordComplete;
        private PlainCallback recordingAvailable;
        private Boolean transcribe;
        private Boolean detectLanguage;
        private PlainCallback transcriptionAvailable;
        private Credentials credentials;
        private String tag;
        private String terminatingDigits;
        private Integer maxDuration;
        private Double silenceTimeout;
        private FileFormat fileFormat;

        private Builder() {}

        public Builder recordCompleteUrl(String url) {
            recordComplete = Callback.of(url);
            return this;
        }

        public Builder recordComplete(Callback value) {
            recordComplete = value;
            return this;
        }

        public Builder recordingAvailableUrl(String url) {
            recordingAvailable = PlainCallback.of(url);
            return this;
        }

        public Builder recordingAvailable(PlainCallback value) {
            recordingAvailable = value;
            return this;
        }

        /** Asks for a transcription; a writer with a callback base sends it to {@code /transcriptionAvailable}. */
        public Builder transcribe(boolean value) {
            transcribe = value;
            return this;
        }

        /** Asks for a transcription, delivered to {@code transcriptionAvailableUrl}. */
        public Builder transcribeTo(String transcriptionAvailableUrl) {
            transcribe = true;
            transcriptionAvailable = PlainCallback.of(transcriptionAvailableUrl);
            return this;
        }

        public Builder transcriptionAvailable(PlainCallback value) {
            transcriptionAvailable = value;
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

        public Builder silenceTimeout(double seconds) {
            silenceTimeout = seconds;
            return this;
        }

        public Builder fileFormat(FileFormat value) {
            fileFormat = value;
            return this;
        }

        public Record build() {
            return new Record(
                    recordComplete,
                    recordingAvailable,
                    transcribe,
                    detectLanguage,
                    transcriptionAvailable,
                    credentials,
                    tag,
                    terminatingDigits,
                    maxDuration,
                    silenceTimeout,
                    fileFormat);
        }
    }
}
