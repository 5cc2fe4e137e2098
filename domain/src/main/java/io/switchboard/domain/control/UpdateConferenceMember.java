package io.switchboard.domain.control;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Change one member of a conference: mute or unmute it (a muted member still hears), hold or release it (a held
 * member neither hears nor speaks), or set the calls it coaches. Absent values leave the member as it is.
 *
 * @param member         the member's call id (Bandwidth's {@code memberId})
 * @param callIdsToCoach absent: unchanged; empty: coaches nobody
 */
public record UpdateConferenceMember(
        ConferenceId conferenceId, CallId member, Boolean mute, Boolean hold, List<CallId> callIdsToCoach)
        implements CallControlRequest {

    static final String OPERATION = "updateConferenceMember";

    public UpdateConferenceMember {
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(member, "member");
        if (mute == null && hold == null && callIdsToCoach == null) {
            throw RequestChecks.invalid(OPERATION, "mute", null, "or hold or callIdsToCoach must be given");
        }
        if (callIdsToCoach != null) {
            if (callIdsToCoach.stream().anyMatch(Objects::isNull)) {
                throw RequestChecks.invalid(OPERATION, "callIdsToCoach", null, "must not hold a null element");
            }
            callIdsToCoach = List.copyOf(callIdsToCoach);
        }
    }

    public static UpdateConferenceMember mute(ConferenceId conferenceId, CallId member, boolean muted) {
        return new UpdateConferenceMember(conferenceId, member, muted, null, null);
    }

    public static UpdateConferenceMember hold(ConferenceId conferenceId, CallId member, boolean held) {
        return new UpdateConferenceMember(conferenceId, member, null, held, null);
    }

    public static UpdateConferenceMember coach(ConferenceId conferenceId, CallId member, List<CallId> coached) {
        return new UpdateConferenceMember(conferenceId, member, null, null, coached);
    }

    @Override
    public String operation() {
        return OPERATION;
    }

    @Override
    public CompletionStage<Void> sendThrough(CallControl control) {
        return control.updateConferenceMember(this);
    }
}
