package io.switchboard.domain.conference;

import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/** The conference was redirected through the update-conference API and asks for new (conference) BXML. */
public record ConferenceRedirected(ConferenceDetails conference) implements ConferenceEvent {
    public static final String EVENT_TYPE = "conferenceRedirect";

    public ConferenceRedirected {
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
        return flow.onRedirect(this, state, context);
    }
}
