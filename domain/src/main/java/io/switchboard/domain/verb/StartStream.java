package io.switchboard.domain.verb;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Streams the call's audio to a WebSocket, in the background (the call ends if nothing follows). At most four
 * tracks may stream per call; stream events ({@code mediaStreamStarted}, ...) go to {@code streamEvent}. Made
 * with {@link #of} or {@link #builder}, its parameters added with {@code streamParam(...)}.
 *
 * @param name                names the stream for {@link StopStream}
 * @param tracks              absent means inbound
 * @param destination         required: a {@code wss://} URI
 * @param streamEvent         {@code streamEventUrl} and {@code streamEventMethod}; BXML has no fallback
 * @param username            basic-auth user for {@code streamEventUrl}, at most 1024 characters
 * @param password            at most 1024 characters; never shown by {@link #toString}
 * @param mode                absent means unidirectional
 * @param destinationUsername basic-auth user for the WebSocket, at most 1024 characters
 * @param destinationPassword at most 1024 characters; never shown by {@link #toString}
 * @param streamParams        at most 12, sent to the destination
 */
public record StartStream(
        String name,
        Tracks tracks,
        String destination,
        PlainCallback streamEvent,
        String username,
        String password,
        StreamMode mode,
        String destinationUsername,
        String destinationPassword,
        List<StreamParam> streamParams)
        implements Verb {

    public static final int MAX_PARAMS = 12;
    static final Pattern WEBSOCKET = Pattern.compile("wss://\\S+");

    public StartStream {
        Limits.notBlank("StartStream", "name", name);
        Limits.required("StartStream", "destination", destination);
        Limits.matches("StartStream", "destination", destination, WEBSOCKET, "a wss:// URI");
        Limits.callback("StartStream", "streamEvent", streamEvent);
        Limits.credential("StartStream", "username", username);
        Limits.credential("StartStream", "password", password);
        Limits.credential("StartStream", "destinationUsername", destinationUsername);
        Limits.credential("StartStream", "destinationPassword", destinationPassword);
        streamParams = Limits.atMost("StartStream", "StreamParam elements", streamParams, MAX_PARAMS);
    }

    public static StartStream of(String destination) {
        return builder(destination).build();
    }

    public static Builder builder(String destination) {
        return new Builder(destination);
    }

    @Override
    public String toString() {
        return "StartStream[name=" + name + ", tracks=" + tracks + ", destination=" + destination
                + ", streamEvent=" + streamEvent + ", username=" + username + ", password="
                + Credentials.mask(password) + ", mode=" + mode + ", destinationUsername=" + destinationUsername
                + ", destinationPassword=" + Credentials.mask(destinationPassword) + ", streamParams="
                + streamParams + "]";
    }

    public static final class Builder {
        private final String destination;
        private String name;
        private Tracks tracks;
        private PlainCallback streamEvent;
        private String username;
        private String password;
        private StreamMode mode;
        private String destinationUsername;
        private String destinationPassword;
        private final List<StreamParam> streamParams = new ArrayList<>();

        private Builder(String destination) {
            this.destination = destination;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder tracks(Tracks value) {
            tracks = value;
            return this;
        }

        public Builder streamEventUrl(String url) {
            streamEvent = PlainCallback.of(url);
            return this;
        }

        public Builder streamEvent(PlainCallback value) {
            streamEvent = value;
            return this;
        }

        public Builder credentials(String user, String secret) {
            username = user;
            password = secret;
            return this;
        }

        public Builder mode(StreamMode value) {
            mode = value;
            return this;
        }

        public Builder destinationCredentials(String user, String secret) {
            destinationUsername = user;
            destinationPassword = secret;
            return this;
        }

        public Builder streamParam(String paramName, String value) {
            return streamParam(StreamParam.of(paramName, value));
        }

        public Builder streamParam(StreamParam value) {
            streamParams.add(value);
            return this;
        }

        public StartStream build() {
            return new StartStream(
                    name,
                    tracks,
                    destination,
                    streamEvent,
                    username,
                    password,
                    mode,
                    destinationUsername,
                    destinationPassword,
                    streamParams);
        }
    }
}
