package io.switchboard.domain.control;

import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.ReplyContext;
import io.switchboard.domain.verb.Response;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** Run {@code bxml} in a conference (conference verbs only: play, speak, recording control). */
public record ReplaceConferenceBxml(ConferenceId conferenceId, Response bxml) implements CallControlRequest {

    static final String OPERATION = "updateConferenceBxml";

    public ReplaceConferenceBxml {
        Objects.requireNonNull(conferenceId, "conferenceId");
        BxmlDocuments.requireRunnable(OPERATION, bxml, ReplyContext.CONFERENCE);
    }

    @Override
    public String operation() {
        return OPERATION;
    }

    @Override
    public CompletionStage<Void> sendThrough(CallControl control) {
        return control.replaceConferenceBxml(this);
    }
}
