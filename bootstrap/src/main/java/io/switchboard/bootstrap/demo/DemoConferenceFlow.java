package io.switchboard.bootstrap.demo;

import com.typesafe.config.Config;
import io.switchboard.domain.conference.ConferenceCompleted;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.conference.ConferenceMemberExited;
import io.switchboard.domain.conference.ConferenceMemberJoined;
import io.switchboard.domain.conference.ConferenceState;
import io.switchboard.domain.control.UpdateConferenceMember;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's conference: tells the room how many are in it whenever someone joins. A late joiner (anyone but the
 * first) is muted through the member API while the room hears about them, and unmuted {@code lateJoinerMute}
 * later by side work; zero leaves everyone unmuted.
 */
public final class DemoConferenceFlow implements ConferenceFlow {
    private static final Logger log = LoggerFactory.getLogger(DemoConferenceFlow.class);

    private final Duration lateJoinerMute;

    public DemoConferenceFlow(Duration lateJoinerMute) {
        this.lateJoinerMute = Objects.requireNonNull(lateJoinerMute, "lateJoinerMute");
        if (lateJoinerMute.isNegative()) {
            throw new IllegalArgumentException(
                    "switchboard.demo.late-joiner-mute must not be negative, was " + lateJoinerMute);
        }
    }

    /** Nobody is muted. */
    public DemoConferenceFlow() {
        this(Duration.ZERO);
    }

    /**
     * As {@code switchboard.demo.late-joiner-mute} says when {@code callControl} is configured; without it a mute
     * could only fail, so nobody is muted.
     */
    public static DemoConferenceFlow from(Config root, boolean callControl) {
        return new DemoConferenceFlow(
                callControl ? root.getDuration("switchboard.demo.late-joiner-mute") : Duration.ZERO);
    }

    /** Answers from the state at once; the unmute waits in side work, not here. */
    @Override
    public boolean mayBlock() {
        return false;
    }

    @Override
    public Reply onMemberJoin(ConferenceMemberJoined event, ConferenceState conference, FlowContext context) {
        int count = conference.members().size();
        log.info("{} joined; {} in the conference", event.member().callId(), count);
        if (count > 1 && !lateJoinerMute.isZero()) {
            context.conference(conference.conferenceId()).mute(event.member().callId());
            UpdateConferenceMember unmute = UpdateConferenceMember.mute(
                    conference.conferenceId(), event.member().callId(), false);
            context.sideWorkAfter(
                    lateJoinerMute,
                    "unmute late joiner",
                    () -> context.control().updateConferenceMember(unmute));
        }
        return Response.builder()
                .speakSentence(count == 1 ? "You are the first one here." : "There are now " + count + " people here.")
                .build();
    }

    @Override
    public Reply onMemberExit(ConferenceMemberExited event, ConferenceState conference) {
        log.info(
                "{} left; {} in the conference",
                event.member().callId(),
                conference.members().size());
        return Reply.none();
    }

    @Override
    public void onCompleted(ConferenceCompleted event, ConferenceState conference) {
        log.info(
                "conference {} over after {} joins, at most {} at once",
                conference.name(),
                conference.joinCount(),
                conference.peakMembers());
    }
}
