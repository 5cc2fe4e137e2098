package io.switchboard.domain.conference;

import io.switchboard.domain.common.Checks;
import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Map;
import java.util.Objects;

/**
 * An event of the conference (it carries a {@code conferenceId} and no {@code callId}) whose type nobody here
 * knows yet; acknowledged and recorded, never refused. Treated as informative: the flow is told, the reply
 * carries no BXML.
 *
 * @param eventType the wire name as sent (not blank, at most {@value Checks#MAX_EVENT_TYPE_LENGTH} characters)
 * @param fields    the payload's other top-level fields as sent, as text
 */
public record UnrecognizedConferenceEvent(ConferenceDetails conference, String eventType, Map<String, String> fields)
        implements ConferenceEvent {

    public UnrecognizedConferenceEvent {
        Objects.requireNonNull(conference, "conference");
        Checks.requireEventType("eventType", eventType);
        fields = Checks.copyOfTextFields("fields", fields);
    }

    @Override
    public ReplyExpectation replyExpectation() {
        return ReplyExpectation.IGNORED;
    }

    @Override
    public Reply offerTo(ConferenceFlow flow, ConferenceState state, FlowContext context) {
        flow.onUnrecognized(this, state, context);
        return Reply.none();
    }
}
