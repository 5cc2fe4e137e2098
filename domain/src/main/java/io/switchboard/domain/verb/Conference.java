package io.switchboard.domain.verb;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Puts the call into the named conference, creating it if needed (at most 20 members, 24 hours); conference
 * events go to {@code conferenceEvent}. Made with {@link #of} or {@link #builder}.
 *
 * @param name            at most 100 characters of {@code [A-Za-z0-9-_.]}
 * @param mute            absent means false
 * @param hold            absent means false
 * @param callIdsToCoach  calls this member hears and is heard by alone (coaching); written comma-separated
 * @param conferenceEvent absent: filled in by a writer with a callback base
 * @param callbackTimeout seconds Bandwidth waits for the conference webhooks, 1 to 25
 */
public record Conference(
        String name,
        Boolean mute,
        Boolean hold,
        List<String> callIdsToCoach,
        Callback conferenceEvent,
        Credentials credentials,
        String tag,
        Double callbackTimeout)
        implements Verb {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    public Conference {
        Limits.required("Conference", "name", name);
        Limits.matches("Conference", "name", name, NAME, "1 to 100 characters of [A-Za-z0-9-_.]");
        callIdsToCoach = Limits.elements("Conference", "callIdsToCoach", callIdsToCoach);
        for (String callId : callIdsToCoach) {
            if (callId.isBlank() || callId.indexOf(',') >= 0 || callId.chars().anyMatch(Character::isWhitespace)) {
                throw Limits.invalid(
                        "Conference",
                        "callIdsToCoach",
                        callId,
                        "must hold call ids, each non-empty without commas or whitespace");
            }
        }
        Limits.callback("Conference", "conferenceEvent", conferenceEvent);
        Limits.credentials("Conference", credentials);
        Limits.tag("Conference", tag);
        Limits.between("Conference", "callbackTimeout", callbackTimeout, 1, 25, " seconds");
    }

    public static Conference of(String name) {
        return builder(name).build();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public static final class Builder {
        private final String name;
        private Boolean mute;
        private Boolean hold;
        private final List<String> callIdsToCoach = new ArrayList<>();
        private Callback conferenceEvent;
        private Credentials credentials;
        private String tag;
        private Double callbackTimeout;

        private Builder(String name) {
            this.name = name;
        }

        public Builder mute(boolean value) {
            mute = value;
            return this;
        }

        public Builder hold(boolean value) {
            hold = value;
            return this;
        }

        /** This member coaches {@code callIds}: they hear each other, the rest of the conference does not hear it. */
        public Builder coach(String... callIds) {
            callIdsToCoach.addAll(List.of(callIds));
            return this;
        }

        public Builder conferenceEventUrl(String url) {
            conferenceEvent = Callback.of(url);
            return this;
        }

        public Builder conferenceEvent(Callback value) {
            conferenceEvent = value;
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

        public Builder callbackTimeout(double seconds) {
            callbackTimeout = seconds;
            return this;
        }

        public Conference build() {
            return new Conference(name, mute, hold, callIdsToCoach, conferenceEvent, credentials, tag, callbackTimeout);
        }
    }
}
