package io.switchboard.domain.call;

import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/** The call was redirected (by the {@code <Redirect>} verb or the update-call API) and asks for new BXML. */
public record CallRedirected(CallDetails call) implements CallEvent {
    public static final String EVENT_TYPE = "redirect";

    public CallRedirected {
        Objects.requireNonNull(call, "call");
    }

    @Override
    public String eventType() {
        return EVENT_TYPE;
    }

    @Override
    public ReplyExpectation replyExpectation() {
        return ReplyExpectation.EXECUTED;
    }

    @Override
    public Reply offerTo(CallFlow flow, CallState state, FlowContext context) {
        return flow.onRedirect(this, state, context);
    }
}
