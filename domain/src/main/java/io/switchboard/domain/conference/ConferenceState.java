package io.switchboard.domain.conference;

import io.switchboard.domain.call.Recording;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.entity.EntityState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the events of one conference have told us. Immutable: {@link #apply} returns a new state; lists an
 * event leaves unchanged are shared with the state before it.
 *
 * @param members            who is in the conference now, in the order they joined
 * @param joinCount          how many joins the conference has seen, rejoins included
 * @param peakMembers        the most members it had at once
 * @param recordings         the conference's recordings, merged by id as later events tell more
 * @param redirectCount      how many times the conference was redirected
 * @param unrecognizedEvents how many events of types this version does not know the conference has seen
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
        int eventsApplied,
        List<Recording> recordings,
        int redirectCount,
        int unrecognizedEvents)
        implements EntityState {

    public ConferenceState {
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(status, "status");
        members = List.copyOf(members);
        recordings = List.copyOf(recordings);
    }

    public static ConferenceState initial(ConferenceId conferenceId) {
        return new ConferenceState(
                conferenceId, ConferenceStatus.ACTIVE, null, null, List.of(), 0, 0, null, null, 0, List.of(), 0, 0);
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
        List<ConferenceMember> nextMembers = members;
        int nextJoins = joinCount;
        ConferenceStatus nextStatus = status;
        Instant created = createdTime;
        Instant completed = completedTime;
        List<Recording> nextRecordings = recordings;
        int nextRedirects = redirectCount;
        int nextUnrecognized = unrecognizedEvents;
        if (event instanceof ConferenceCreated) {
            created = created != null ? created : details.eventTime();
        } else if (event instanceof ConferenceMemberJoined joined) {
            List<ConferenceMember> joinedMembers = new ArrayList<>(members);
            joinedMembers.removeIf(m -> m.callId().equals(joined.member().callId()));
            joinedMembers.add(joined.member());
            nextMembers = joinedMembers;
            nextJoins++;
        } else if (event instanceof ConferenceMemberExited exited) {
            if (members.stream().anyMatch(m -> m.callId().equals(exited.member().callId()))) {
                List<ConferenceMember> remaining = new ArrayList<>(members);
                remaining.removeIf(m -> m.callId().equals(exited.member().callId()));
                nextMembers = remaining;
            }
        } else if (event instanceof ConferenceCompleted) {
            nextStatus = ConferenceStatus.COMPLETED;
            nextMembers = List.of();
            completed = details.eventTime();
        } else if (event instanceof ConferenceRedirected) {
            nextRedirects++;
        } else if (event instanceof ConferenceRecordingAvailable available) {
            nextRecordings = Recording.mergeInto(recordings, available.recording());
        } else if (event instanceof UnrecognizedConferenceEvent) {
            nextUnrecognized++;
        }
        return new ConferenceState(
                conferenceId,
                nextStatus,
                nextName,
                nextTag,
                nextMembers,
                nextJoins,
                Math.max(peakMembers, nextMembers.size()),
                created,
                completed,
                eventsApplied + 1,
                nextRecordings,
                nextRedirects,
                nextUnrecognized);
    }
}
