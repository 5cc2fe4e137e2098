package io.switchboard.testkit.simulator;

import io.switchboard.domain.verb.Verb;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing that happened on a simulated call, as the people on it would notice: a verb ran (a prompt spoke, a
 * gather waited, a transfer rang...) or the call ended.
 *
 * @param party  who experienced it
 * @param callId the leg it ran on (for the conference, the member whose event's reply it was)
 * @param verb   the verb that ran; {@code null} for {@link #ended} entries
 * @param ending how the leg ended, for {@link #ended} entries; {@code null} otherwise
 * @param at     on the call's virtual clock
 */
public record CallActivity(Party party, String callId, Verb verb, CallOutcome ending, Instant at) {

    /** Who hears or does what a verb does. */
    public enum Party {
        /** The simulated caller's own leg (the A-leg). */
        CALLER,
        /** The B-leg of a {@code <Transfer>}: the person who answered it. */
        TRANSFER_TARGET,
        /** Everyone in a conference: the BXML answering conference events plays there. */
        CONFERENCE
    }

    public CallActivity {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(callId, "callId");
        if ((verb == null) == (ending == null)) {
            throw new IllegalArgumentException("an activity is a verb or an ending");
        }
    }

    public static CallActivity ran(Party party, String callId, Verb verb, Instant at) {
        return new CallActivity(party, callId, Objects.requireNonNull(verb, "verb"), null, at);
    }

    public static CallActivity ended(Party party, String callId, CallOutcome ending, Instant at) {
        return new CallActivity(party, callId, null, Objects.requireNonNull(ending, "ending"), at);
    }

    @Override
    public String toString() {
        String what = verb != null ? Verbs.describe(verb) : "call ended: " + ending;
        return party.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + what;
    }
}
