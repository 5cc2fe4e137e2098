package io.switchboard.domain.conference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.call.Recording;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.ReplyExpectation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The conference events of the live platform beyond the contract: wire names, reply expectations and checks. */
class NewConferenceEventsTest {
    private static final ConferenceDetails DETAILS =
            new ConferenceDetails(ConferenceId.of("conf-validation"), "room", null, null);

    @Test
    void eventsHaveTheirWireNamesAndReplyExpectations() {
        ConferenceEvents conference = ConferenceEvents.newConference();
        ConferenceRedirected redirected = conference.redirected();
        ConferenceRecordingAvailable recording = conference.recordingAvailable(Recording.withId("cr-1"));
        UnrecognizedConferenceEvent unrecognized = conference.unrecognized("conferenceSpeakerChanged", Map.of());
        assertEquals("conferenceRedirect", redirected.eventType());
        assertEquals(ReplyExpectation.EXECUTED_IF_PRESENT, redirected.replyExpectation());
        assertEquals("conferenceRecordingAvailable", recording.eventType());
        assertEquals(ReplyExpectation.IGNORED, recording.replyExpectation());
        assertEquals(ConferenceEvents.ACCOUNT, recording.accountId());
        assertEquals("conferenceSpeakerChanged", unrecognized.eventType());
        assertEquals(ReplyExpectation.IGNORED, unrecognized.replyExpectation());
        assertEquals(conference.conferenceId().value(), unrecognized.entityId());
    }

    @Test
    void eventsWithoutTheirConferenceAreRefusedNamingTheField() {
        assertEquals(
                "conference",
                assertThrows(NullPointerException.class, () -> new ConferenceRedirected(null))
                        .getMessage());
        assertEquals(
                "conference",
                assertThrows(
                                NullPointerException.class,
                                () -> new ConferenceRecordingAvailable(null, "9900000", Recording.withId("cr-1")))
                        .getMessage());
        assertEquals(
                "conference",
                assertThrows(NullPointerException.class, () -> new UnrecognizedConferenceEvent(null, "x", Map.of()))
                        .getMessage());
    }

    @Test
    void missingOrBlankRequiredValuesAreRefusedNamingTheField() {
        assertEquals(
                "recording",
                assertThrows(
                                NullPointerException.class,
                                () -> new ConferenceRecordingAvailable(DETAILS, "9900000", null))
                        .getMessage());
        for (String bad : new String[] {null, "", "  ", "y".repeat(65), "tab\there"}) {
            IllegalArgumentException refused = assertThrows(
                    IllegalArgumentException.class, () -> new UnrecognizedConferenceEvent(DETAILS, bad, Map.of()));
            assertTrue(refused.getMessage().startsWith("eventType"), refused.getMessage());
        }
        IllegalArgumentException blankName = assertThrows(
                IllegalArgumentException.class, () -> new UnrecognizedConferenceEvent(DETAILS, "x", Map.of(" ", "v")));
        assertTrue(blankName.getMessage().startsWith("fields"), blankName.getMessage());
    }

    @Test
    void unrecognizedConferenceEventKeepsItsFields() {
        UnrecognizedConferenceEvent event =
                new UnrecognizedConferenceEvent(DETAILS, "conferenceSpeakerChanged", Map.of("callId", "c-1"));
        assertEquals(Map.of("callId", "c-1"), event.fields());
    }
}
