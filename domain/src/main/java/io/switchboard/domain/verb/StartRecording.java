package io.switchboard.domain.verb;

import io.switchboard.domain.common.FileFormat;

/**
 * Starts recording the call in the background (one at a time); {@code recordingAvailable} follows its
 * {@link StopRecording} or the end of the call. Allowed in replies to conference events. Made with
 * {@link #builder}.
 *
 * @param recordingAvailable     BXML has no fallback for it
 * @param transcribe             absent means false
 * @param detectLanguage         absent means false
 * @param transcriptionAvailable only sent with {@code transcribe}
 * @param username               basic-auth user for the callbacks, at most 1024 characters
 * @param password               at most 1024 characters; never shown by {@link #toString}
 * @param fileFormat             absent means wav
 * @param multiChannel           one channel per side; absent means false
 */
public record StartRecording(
        PlainCallback recordingAvailable,
        Boolean transcribe,
        Boolean detectLanguage,
        PlainCallback transcriptionAvailable,
        String username,
        String password,
        String tag,
        FileFormat fileFormat,
        Boolean multiChannel)
        implements Verb {

    public StartRecording {
        Limits.callback("StartRecording", "recordingAvailable", recordingAvailable);
        Limits.callback("StartRecording", "transcriptionAvailable", transcriptionAvailable);
        Limits.credential("StartRecording", "username", username);
        Limits.credential("StartRecording", "password", password);
        Limits.tag("StartRecording", tag);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "StartRecording[recordingAvailable=" + recordingAvailable + ", transcribe=" + transcribe
                + ", detectLanguage=" + detectLanguage + ", transcriptionAvailable=" + transcriptionAvailable
                + ", username=" + username + ", password=" + Credentials.mask(password) + ", tag=" + tag
                + ", fileFormat=" + fileFormat + ", multiChannel=" + multiChannel + "]";
    }

    public static final class Builder {
        private PlainCallback recordingAvailable;
        private Boolean transcribe;
        private Boolean detectLanguage;
        private PlainCallback transcriptionAvailable;
        private String username;
        private String password;
        private String tag;
        private FileFormat fileFormat;
        private Boolean multiChannel;

        private Builder() {}

        public Builder recordingAvailableUrl(String url) {
            recordingAvailable = PlainCallback.of(url);
            return this;
        }

        public Builder recordingAvailable(PlainCallback value) {
            recordingAvailable = value;
            return this;
        }

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

        public Builder credentials(String user, String secret) {
            username = user;
            password = secret;
            return this;
        }

        public Builder tag(String value) {
            tag = value;
            return this;
        }

        public Builder fileFormat(FileFormat value) {
            fileFormat = value;
            return this;
        }

        public Builder multiChannel(boolean value) {
            multiChannel = value;
            return this;
        }

        public StartRecording build() {
            return new StartRecording(
                    recordingAvailable,
                    transcribe,
                    detectLanguage,
                    transcriptionAvailable,
                    username,
                    password,
                    tag,
                    fileFormat,
                    multiChannel);
        }
    }
}
