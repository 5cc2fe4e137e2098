package io.switchboard.domain.conference;

import io.switchboard.domain.common.ConferenceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the events of one conference have told us. Immutable: {@link #apply} returns a new state.
 *
 * @param members     who is in the conference now, in the order they joined
 * @param joinCount   how many joins the conference has seen, rejoins included
 * @param peakMembers the most members it had at once
 */
public record ConferenceState(
        ConferenceId conferenceId,
        ConferenceStatus status,
        String name,
        String tag,
        List<ConferenceMember> members,
        int joinCount,
        int peakMembers,
        Instant createdTime,
        Instant completedTime,
        int eventsApplied) {

    public ConferenceState {
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(status, "status");
        members = List.copyOf(members);
    }

    public static ConferenceState initial(ConferenceId conferenceId) {
        return new ConferenceState(conferenceId, ConferenceStatus.ACTIVE, null, null, List.of(), 0, 0, null, null, 0);
    }

    public boolean hasEnded() {
        return status == ConferenceStatus.COMPLETED;
    }

    /** The state after {@code event}. Events of another conference are a programming error. */
    public ConferenceState apply(ConferenceEvent event) {
        if (!event.conferenceId().equals(conferenceId)) {
            throw new IllegalArgumentException(
                    "event of conference " + event.conferenceId() + " applied to conference " + conferenceId);
        }
        ConferenceDetails details = event.conference();
        String nextName = details.name() != null ? details.name() : name;
        String nextTag = details.tag();
        List<ConferenceMember> nextMembers = new ArrayList<>(members);
        int nextJoins = joinCount;
        ConferenceStatus nextStatus = status;
        Instant created = createdTime;
        Instant completed = completedTime;
        if (event instanceof ConferenceCreated) {
            created = created != null ? created : details.eventTime();
        } else if (event instanceof ConferenceMemberJoined joined) {
            nextMembers.removeIf(m -> m.callId().equals(joined.member().callId()));
            nextMembers.add(joined.member());
            nextJoins++;
        } else if (event instanceof ConferenceMemberExited exited) {
            nextMembers.removeIf(m -> m.callId().equals(exited.member().callId()));
        } else if (event instanceof ConferenceCompleted) {
            nextStatus = ConferenceStatus.COMPLETED;
            nextMembers.clear();
            completed = details.eventTime();
        }
        return new ConferenceState(conferenceId, nextStatus, nextName, nextTag, nextMembers, nextJoins,
                Math.max(peakMembers, nextMembers.size()), created, completed, eventsApplied + 1);
    }
}
