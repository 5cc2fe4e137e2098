package io.switchboard.domain.conference;

import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/** A conference was created by its first member's {@code <Conference>} verb. */
public record ConferenceCreated(ConferenceDetails conference) implements ConferenceEvent {
    public static final String EVENT_TYPE = "conferenceCreated";

    public ConferenceCreated {
        Objects.requireNonNull(conference, "conference");
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
        return flow.onCreated(this, state, context);
    }
}
