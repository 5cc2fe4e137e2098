package io.switchboard.domain.conference;

import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/** The conference ended: every member left. Bandwidth ignores the reply. */
public record ConferenceCompleted(ConferenceDetails conference) implements ConferenceEvent {
    public static final String EVENT_TYPE = "conferenceCompleted";

    public ConferenceCompleted {
        Objects.requireNonNull(conference, "conference");
    }

    @Override
    public String eventType() {
        return EVENT_TYPE;
    }

    @Override
    public ReplyExpectation replyExpectation() {
        return ReplyExpectation.IGNORED;
    }

    @Override
    public Reply offerTo(ConferenceFlow flow, ConferenceState state, FlowContext context) {
        flow.onCompleted(this, state, context);
        return Reply.none();
    }
}
