package io.switchboard.testkit.simulator;

import io.switchboard.domain.verb.Conference;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Record;
import io.switchboard.domain.verb.Transfer;
import io.switchboard.domain.verb.Verb;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A caller who follows a {@link CallerProfile}: answers at once, never waits on anything. */
final class ScriptedCaller implements Caller {
    private final CallerProfile profile;

    ScriptedCaller(CallerProfile profile) {
        this.profile = profile;
    }

    @Override
    public boolean hangsUpBefore(Verb verb, int eventsAnswered) {
        if (profile.hangUpAfterEvents() != null && eventsAnswered >= profile.hangUpAfterEvents()) {
            return true;
        }
        return !Verbs.waitsForCaller(verb) && hangsUpAt(verb);
    }

    @Override
    public CompletionStage<CallerMove> respond(Verb verb, int gatherIndex) {
        return CompletableFuture.completedFuture(move(verb, gatherIndex));
    }

    private CallerMove move(Verb verb, int gatherIndex) {
        if (verb instanceof Gather) {
            if (hangsUpAt(verb)) {
                return CallerMove.hangUp();
            }
            String keys =
                    gatherIndex < profile.presses().size() ? profile.presses().get(gatherIndex) : "";
            return keys.isEmpty() ? CallerMove.noInput() : CallerMove.press(keys);
        }
        if (verb instanceof Record) {
            // Leaving a message and hanging up is how most voicemails end.
            return (hangsUpAt(verb) ? CallerMove.hangUp() : CallerMove.proceed()).after(profile.recordFor());
        }
        if (verb instanceof Transfer) {
            return (hangsUpAt(verb) ? CallerMove.hangUp() : CallerMove.proceed()).after(profile.talkAfterTransfer());
        }
        if (verb instanceof Conference) {
            return CallerMove.hangUp().after(profile.stayInConference());
        }
        return CallerMove.proceed();
    }

    @Override
    public boolean transferAnswered() {
        return profile.transferAnswered();
    }

    private boolean hangsUpAt(Verb verb) {
        return verb.verbName().equals(profile.hangUpAt());
    }
}
