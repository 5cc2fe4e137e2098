package io.switchboard.domain.conference;

import io.switchboard.domain.call.Recording;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds the events of one conference, a second apart, each carrying the conference's name and tag. */
public final class ConferenceEvents {
    public static final Instant START = Instant.parse("2024-05-01T13:00:00Z");
    public static final String ACCOUNT = "9900000";
    private static final AtomicInteger IDS = new AtomicInteger();

    private final ConferenceId conferenceId;
    private final String name;
    private String tag = "standup";
    private Instant clock = START;

    private ConferenceEvents(ConferenceId conferenceId, String name) {
        this.conferenceId = conferenceId;
        this.name = name;
    }

    /** A conference with an id no other test uses. */
    public static ConferenceEvents newConference() {
        int n = IDS.incrementAndGet();
        return new ConferenceEvents(ConferenceId.of("conf-9b1e7c20-" + n), "room-" + n);
    }

    public ConferenceId conferenceId() {
        return conferenceId;
    }

    public String name() {
        return name;
    }

    public ConferenceEvents tag(String value) {
        tag = value;
        return this;
    }

    public ConferenceDetails details() {
        clock = clock.plusSeconds(1);
        return new ConferenceDetails(conferenceId, name, tag, clock);
    }

    public ConferenceCreated created() {
        return new ConferenceCreated(details());
    }

    public ConferenceMemberJoined joined(ConferenceMember member) {
        return new ConferenceMemberJoined(details(), member);
    }

    public ConferenceMemberExited exited(ConferenceMember member) {
        return new ConferenceMemberExited(details(), member);
    }

    public ConferenceCompleted completed() {
        return new ConferenceCompleted(details());
    }

    public ConferenceRedirected redirected() {
        return new ConferenceRedirected(details());
    }

    public ConferenceRecordingAvailable recordingAvailable(Recording recording) {
        return new ConferenceRecordingAvailable(details(), ACCOUNT, recording);
    }

    public UnrecognizedConferenceEvent unrecognized(String eventType, Map<String, String> fields) {
        return new UnrecognizedConferenceEvent(details(), eventType, fields);
    }

    public static ConferenceMember member(String callId, String from) {
        return new ConferenceMember(CallId.of(callId), from, "+15555550199");
    }
}
