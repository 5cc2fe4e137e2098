package io.switchboard.domain.control;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ReplyContext;
import io.switchboard.domain.verb.Response;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Interrupt a live call's BXML and run {@code bxml} instead, without a webhook round trip. The document must keep
 * the rules of BXML that runs on a call; Bandwidth answers {@code 409} when the call is no longer active.
 */
public record ReplaceCallBxml(CallId callId, Response bxml) implements CallControlRequest {

    static final String OPERATION = "updateCallBxml";

    public ReplaceCallBxml {
        Objects.requireNonNull(callId, "callId");
        BxmlDocuments.requireRunnable(OPERATION, bxml, ReplyContext.CALL);
    }

    @Override
    public String operation() {
        return OPERATION;
    }

    @Override
    public CompletionStage<Void> sendThrough(CallControl control) {
        return control.replaceCallBxml(this);
    }
}
