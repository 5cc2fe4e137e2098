package io.switchboard.domain.conference;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.call.CallEvents;
import io.switchboard.domain.call.Recording;
import io.switchboard.domain.call.RecordingStatus;
import io.switchboard.domain.common.FileFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConferenceStateTest {
    private static final ConferenceMember ALICE = ConferenceEvents.member("c-alice", "+15555550101");
    private static final ConferenceMember BOB = ConferenceEvents.member("c-bob", "+15555550102");
    private static final ConferenceMember CAROL = ConferenceEvents.member("c-carol", "+15555550103");

    private static ConferenceState play(ConferenceEvents conference, ConferenceEvent... events) {
        ConferenceState state = ConferenceState.initial(conference.conferenceId());
        for (ConferenceEvent event : events) {
            state = state.apply(event);
        }
        return state;
    }

    @Test
    void conferenceCreatedRecordsNameTagAndCreationTime() {
        ConferenceEvents conference = ConferenceEvents.newConference();
        ConferenceCreated created = conference.created();
        ConferenceState state = play(conference, created);
        assertAll(
                () -> assertEquals(ConferenceStatus.ACTIVE, state.status()),
                () -> assertFalse(state.hasEnded()),
                () -> assertEquals(conference.name(), state.name()),
                () -> assertEquals("standup", state.tag()),
                () -> assertEquals(created.eventTime(), state.createdTime()),
                () -> assertTrue(state.members().isEmpty()),
                () -> assertEquals(0, state.joinCount()),
                () -> assertEquals(1, state.eventsApplied()));
    }

    @Test
    void memberJoinAddsTheMember() {
        ConferenceEvents conference = ConferenceEvents.newConference();
        ConferenceState state = play(conference, conference.created(), conference.joined(ALICE));
        assertEquals(List.of(ALICE), state.members());
        assertEquals(1, state.joinCount());
        assertEquals(1, state.peakMembers());
        assertEquals(2, state.eventsApplied());
    }

    @Test
    void memberExitRemovesTheMember() {
        ConferenceEvents conference = ConferenceEvents.newConference();
        ConferenceState state = play(
                conference,
                conference.created(),
                conference.joined(ALICE),
                conference.joined(BOB),
                conference.exited(ALICE));
        assertEquals(List.of(BOB), state.members());
        assertEquals(2, state.joinCount());
        assertEquals(ConferenceStatus.ACTIVE, state.status());
    }

    @Test
    void exitOfACallThatIsNotAMemberChangesNoMembers() {
        ConferenceEvents conference = ConferenceEvents.newConference();
        ConferenceState state =
                play(conference, conference.created(), conference.joined(ALICE), conference.exited(BOB));
        assertEquals(List.of(ALICE), state.members());
    }

    @Test
    void conferenceCompletedEndsItAndEmptiesTheMemberList() {
        ConferenceEvents conference = ConferenceEvents.newConference();
        ConferenceCompleted completed = conference.completed();
        ConferenceState state =
                play(conference, conference.created(), conference.joined(ALICE), conference.joined(BOB), completed);
        assertAll(
                () -> assertEquals(ConferenceStatus.COMPLETED, state.status()),
                () -> assertTrue(state.hasEnded()),
                () -> assertTrue(state.members().isEmpty()),
                () -> assertEquals(completed.eventTime(), state.completedTime()),
                () -> assertEquals(2, state.peakMembers()),
                () -> assertEquals(2, state.joinCount()));
    }

    @Test
    void rejoinIsNotDuplicatedButCounted() {
        ConferenceEvents conference = ConferenceEvents.newConference();
        ConferenceMember aliceAgain = new ConferenceMember(ALICE.callId(), ALICE.from(), ALICE.to());
        ConferenceState state = play(
                conference,
                conference.created(),
                conference.joined(ALICE),
                conference.joined(BOB),
                conference.joined(aliceAgain));
        // One entry per call, moved to the end: the member list keeps the order of the latest joins.
        assertEquals(List.of(BOB, ALICE), state.members());
        assertEquals(3, state.joinCount());
        assertEquals(2, state.peakMembers());
    }

    @Test
    void peakMembersIsTheMostAtOnce() {
        ConferenceEvents conference = ConferenceEvents.newConference();
        ConferenceState state = play(
                conference,
                conference.created(),
                conference.joined(ALICE),
                conference.joined(BOB),
                conference.joined(CAROL),
                conference.exited(ALICE),
                conference.exited(BOB),
                conference.joined(ALICE));
        assertEquals(List.of(CAROL, ALICE), state.members());
        assertEquals(3, state.peakMembers());
        assertEquals(4, state.joinCount());
    }

    @Test
    void nameIsKeptAndTagFollowsTheLatestEvent() {
        ConferenceEvents conference = ConferenceEvents.newConference();
        ConferenceState created = play(conference, conference.created());
        ConferenceState state = created.apply(
                new ConferenceMemberJoined(new ConferenceDetails(conference.conferenceId(), null, null, null), ALICE));
        assertEquals(conference.name(), state.name());
        assertNull(state.tag());
        assertEquals(created.createdTime(), state.createdTime());
    }

    @Test
    void eventOfAnotherConferenceIsRefused() {
        ConferenceEvents conference = ConferenceEvents.newConference();
        ConferenceEvents other = ConferenceEvents.newConference();
        ConferenceState state = play(conference, conference.created());
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> state.apply(other.joined(ALICE)));
        assertTrue(refused.getMessage().contains(other.conferenceId().value()), refused.getMessage());
    }

    @Test
    void conferenceRedirectedIsCountedAndKeepsTheMembers() {
        ConferenceEvents conference = ConferenceEvents.newConference();
        ConferenceState joined = play(conference, conference.created(), conference.joined(ALICE));
        ConferenceState redirected = joined.apply(conference.redirected()).apply(conference.redirected());
        assertAll(
                () -> assertEquals(2, redirected.redirectCount()),
                () -> assertSame(joined.members(), redirected.members()),
                () -> assertEquals(ConferenceStatus.ACTIVE, redirected.status()),
                () -> assertEquals(4, redirected.eventsApplied()));
    }

    @Test
    void conferenceRecordingAvailableAddsTheRecordingAndMergesLaterNewsOfIt() {
        ConferenceEvents conference = ConferenceEvents.newConference();
        Recording processing = new Recording(
                "cr-1", "https://media.example/cr-1", 1, null, FileFormat.WAV, null, null, RecordingStatus.PROCESSING);
        ConferenceState completed = play(
                conference, conference.created(), conference.completed(), conference.recordingAvailable(processing));
        assertEquals(List.of(processing), completed.recordings());
        assertTrue(completed.hasEnded(), "a late recording does not reopen the conference");

        Recording done =
                new Recording("cr-1", null, null, Duration.ofMinutes(4), null, null, null, RecordingStatus.COMPLETE);
        ConferenceState merged = completed.apply(conference.recordingAvailable(done));
        assertEquals(
                List.of(new Recording(
                        "cr-1",
                        "https://media.example/cr-1",
                        1,
                        Duration.ofMinutes(4),
                        FileFormat.WAV,
                        null,
                        null,
                        RecordingStatus.COMPLETE)),
                merged.recordings());

        ConferenceState second = merged.apply(conference.recordingAvailable(CallEvents.fullRecording("cr-2")));
        assertEquals(
                List.of("cr-1", "cr-2"),
                second.recordings().stream().map(Recording::recordingId).toList());
    }

    @Test
    void unrecognizedConferenceEventIsCounted() {
        ConferenceEvents conference = ConferenceEvents.newConference();
        ConferenceState state = play(
                conference,
                conference.created(),
                conference.joined(ALICE),
                conference.unrecognized("conferenceSpeakerChanged", Map.of("callId", "c-alice")),
                conference.unrecognized("conferenceSpeakerChanged", Map.of("callId", "c-bob")));
        assertEquals(2, state.unrecognizedEvents());
        assertEquals(List.of(ALICE), state.members());
        assertEquals(4, state.eventsApplied());
    }

    @Test
    void newConferenceSharesEmptyListsAndEventsThatChangeNoneKeepThem() {
        ConferenceEvents conference = ConferenceEvents.newConference();
        ConferenceState initial = ConferenceState.initial(conference.conferenceId());
        assertSame(List.of(), initial.members());
        assertSame(List.of(), initial.recordings());
        ConferenceState created = initial.apply(conference.created());
        assertSame(initial.members(), created.members());
        assertSame(initial.recordings(), created.recordings());
        ConferenceState exitOfStranger = created.apply(conference.joined(ALICE)).apply(conference.exited(BOB));
        assertEquals(List.of(ALICE), exitOfStranger.members());
    }
}
