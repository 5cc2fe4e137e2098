package io.switchboard.domain.verb;

import java.util.ArrayList;
import java.util.List;

/**
 * A BXML document: the verbs Bandwidth runs, in order. An empty response ends the call, as {@code <Hangup/>}
 * would. Each verb checked its own values when it was built; whether the verbs may answer a given event (and
 * whether any follow a Redirect) is for {@link BxmlRules}; the 64 KB limit on the rendered document is checked
 * by the BXML writer, the only place that knows the rendered size.
 */
public record Response(List<Verb> verbs) implements Reply {
    private static final Response EMPTY = new Response(List.of());

    public Response {
        verbs = List.copyOf(verbs);
    }

    public static Response empty() {
        return EMPTY;
    }

    public static Response of(Verb... verbs) {
        return new Response(List.of(verbs));
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return verbs.isEmpty();
    }

    public static final class Builder {
        private final List<Verb> verbs = new ArrayList<>();

        private Builder() {}

        public Builder add(Verb verb) {
            verbs.add(verb);
            return this;
        }

        public Builder speak(String text) {
            return add(SpeakSentence.of(text));
        }

        public Builder play(String url) {
            return add(PlayAudio.of(url));
        }

        public Builder pause(double seconds) {
            return add(Pause.seconds(seconds));
        }

        public Builder hangup() {
            return add(new Hangup());
        }

        public Builder redirect(String url) {
            return add(Redirect.to(url));
        }

        /** A redirect to this service's {@code /redirect} channel, filled in when the BXML is written. */
        public Builder redirectToService() {
            return add(Redirect.toService());
        }

        public Response build() {
            return new Response(verbs);
        }
    }
}
