package io.switchboard.domain.call;

import io.switchboard.domain.common.Checks;
import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Map;
import java.util.Objects;

/**
 * An event of the call whose type nobody here knows yet: Bandwidth adds event types, and an unknown one is
 * acknowledged and recorded, never refused. Bandwidth's reply expectation for it is unknown, so it is treated
 * as informative: the flow is told, the reply carries no BXML.
 *
 * @param eventType the wire name as sent (not blank, at most {@value Checks#MAX_EVENT_TYPE_LENGTH} characters)
 * @param fields    the payload's other top-level fields as sent, as text (nested objects as their JSON text)
 */
public record UnrecognizedCallEvent(CallDetails call, String eventType, Map<String, String> fields)
        implements CallEvent {

    public UnrecognizedCallEvent {
        Objects.requireNonNull(call, "call");
        Checks.requireEventType("eventType", eventType);
        fields = Checks.copyOfTextFields("fields", fields);
    }

    @Override
    public ReplyExpectation replyExpectation() {
        return ReplyExpectation.IGNORED;
    }

    @Override
    public Reply offerTo(CallFlow flow, CallState state, FlowContext context) {
        flow.onUnrecognized(this, state, context);
        return Reply.none();
    }
}
