package io.switchboard.bootstrap.demo;

import io.switchboard.domain.conference.ConferenceCompleted;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.conference.ConferenceMemberExited;
import io.switchboard.domain.conference.ConferenceMemberJoined;
import io.switchboard.domain.conference.ConferenceState;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The demo's conference: tells the room how many are in it whenever someone joins. */
public final class DemoConferenceFlow implements ConferenceFlow {
    private static final Logger log = LoggerFactory.getLogger(DemoConferenceFlow.class);

    @Override
    public Reply onMemberJoin(ConferenceMemberJoined event, ConferenceState conference) {
        log.info(
                "{} joined; {} in the conference",
                event.member().callId(),
                conference.members().size());
        int count = conference.members().size();
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
