package io.switchboard.domain.conference;

import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/** A call joined the conference. */
public record ConferenceMemberJoined(ConferenceDetails conference, ConferenceMember member) implements ConferenceEvent {
    public static final String EVENT_TYPE = "conferenceMemberJoin";

    public ConferenceMemberJoined {
        Objects.requireNonNull(conference, "conference");
        Objects.requireNonNull(member, "member");
    }

    @Override
    public String eventType() {
        return EVENT_TYPE;
    }

    @Override
    public ReplyExpectation replyExpectation() {
        return ReplyExpectation.EXECUTED_IF_PRESENT;
    }

    @Override
    public Reply offerTo(ConferenceFlow flow, ConferenceState state, FlowContext context) {
        return flow.onMemberJoin(this, state, context);
    }
}
