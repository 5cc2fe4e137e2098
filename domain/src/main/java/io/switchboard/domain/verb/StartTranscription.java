package io.switchboard.domain.verb;

import java.util.ArrayList;
import java.util.List;

/**
 * Transcribes the call in real time, in the background; its events ({@code realTimeTranscriptionStarted}, ...)
 * go to {@code transcriptionEvent}. Made with {@link #builder}, its parameters added with
 * {@code customParam(...)}.
 *
 * @param name               names the transcription for {@link StopTranscription}
 * @param tracks             absent means inbound
 * @param transcriptionEvent {@code transcriptionEventUrl} and {@code transcriptionEventMethod}; no fallback
 * @param username           basic-auth user for the callback, at most 1024 characters
 * @param password           at most 1024 characters; never shown by {@link #toString}
 * @param destination        a {@code wss://} URI that receives the transcripts as they come
 * @param stabilized         only final (stable) transcripts; absent means true
 * @param customParams       at most 12
 */
public record StartTranscription(
        String name,
        Tracks tracks,
        PlainCallback transcriptionEvent,
        String username,
        String password,
        String destination,
        Boolean stabilized,
        List<CustomParam> customParams)
        implements Verb {

    public static final int MAX_PARAMS = 12;

    public StartTranscription {
        Limits.notBlank("StartTranscription", "name", name);
        Limits.callback("StartTranscription", "transcriptionEvent", transcriptionEvent);
        Limits.credential("StartTranscription", "username", username);
        Limits.credential("StartTranscription", "password", password);
        Limits.matches("StartTranscription", "destination", destination, StartStream.WEBSOCKET, "a wss:// URI");
        customParams = Limits.atMost("StartTranscription", "CustomParam elements", customParams, MAX_PARAMS);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "StartTranscription[name=" + name + ", tracks=" + tracks + ", transcriptionEvent="
                + transcriptionEvent + ", username=" + username + ", password=" + Credentials.mask(password)
                + ", destination=" + destination + ", stabilized=" + stabilized + ", customParams="
                + customParams + "]";
    }

    public static final class Builder {
        private String name;
        private Tracks tracks;
        private PlainCallback transcriptionEvent;
        private String username;
        private String password;
        private String destination;
        private Boolean stabilized;
        private final List<CustomParam> customParams = new ArrayList<>();

        private Builder() {}

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder tracks(Tracks value) {
            tracks = value;
            return this;
        }

        public Builder transcriptionEventUrl(String url) {
            transcriptionEvent = PlainCallback.of(url);
            return this;
        }

        public Builder transcriptionEvent(PlainCallback value) {
            transcriptionEvent = value;
            return this;
        }

        public Builder credentials(String user, String secret) {
            username = user;
            password = secret;
            return this;
        }

        public Builder destination(String value) {
            destination = value;
            return this;
        }

        public Builder stabilized(boolean value) {
            stabilized = value;
            return this;
        }

        public Builder customParam(String paramName, String value) {
            return customParam(CustomParam.of(paramName, value));
        }

        public Builder customParam(CustomParam value) {
            customParams.add(value);
            return this;
        }

        public StartTranscription build() {
            return new StartTranscription(
                    name, tracks, transcriptionEvent, username, password, destination, stabilized, customParams);
        }
    }
}
