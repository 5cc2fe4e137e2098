package io.switchboard.domain.verb;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Puts the call into the named conference, creating it if needed; conference events go to
 * {@code conferenceEvent}.
 *
 * @param name            at most 100 characters of {@code [A-Za-z0-9-_.]}
 * @param callIdsToCoach  calls this member hears and is heard by alone (coaching)
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
        Double callbackTimeout) implements Verb {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    public Conference {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "Conference: name must be 1 to 100 characters of [A-Za-z0-9-_.], was '" + name + "'");
        }
        callIdsToCoach = callIdsToCoach == null ? List.of() : List.copyOf(callIdsToCoach);
        if (callbackTimeout != null && (callbackTimeout < 1 || callbackTimeout > 25)) {
            throw new IllegalArgumentException(
                    "Conference: callbackTimeout must be between 1 and 25 seconds, was " + callbackTimeout);
        }
    }

    public static Conference named(String name) {
        return new Conference(name, null, null, List.of(), null, null, null, null);
    }

    /** The same conference with its events sent to {@code url}. */
    public Conference withEventUrl(String url) {
        return new Conference(name, mute, hold, callIdsToCoach, Callback.to(url), credentials, tag, callbackTimeout);
    }
}
