package io.switchboard.domain.call;

import io.switchboard.domain.common.Checks;
import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/**
 * The caller pressed a key while {@code <StartGather>} listened. Bandwidth ignores the reply (no BXML is allowed);
 * react through the update-call API.
 *
 * @param digit the key, as sent ({@code 0-9}, {@code *}, {@code #}, {@code A-D})
 */
public record DtmfReceived(CallDetails call, String digit) implements CallEvent {
    public static final String EVENT_TYPE = "dtmf";
    /** Longer is not a key press; the bound keeps a call's digit history small. */
    public static final int MAX_DIGIT_LENGTH = 8;

    public DtmfReceived {
        Objects.requireNonNull(call, "call");
        Checks.requireNonBlank("digit", digit);
        if (digit.length() > MAX_DIGIT_LENGTH) {
            throw new IllegalArgumentException(
                    "digit must be at most " + MAX_DIGIT_LENGTH + " characters, was " + digit.length());
        }
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
    public Reply offerTo(CallFlow flow, CallState state, FlowContext context) {
        flow.onDtmf(this, state, context);
        return Reply.none();
    }
}
