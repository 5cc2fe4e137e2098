package io.switchboard.domain.verb;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** What a flow answers: a {@link Response} now, one {@link #later}, or (for ignored events) {@link #none}. */
public sealed interface Reply permits Response, Reply.Later, Reply.None {

    /** A response that is still being worked out, e.g. after a database or CRM lookup. */
    static Reply later(CompletionStage<Response> response) {
        return new Later(response);
    }

    /** No BXML: for events whose reply Bandwidth ignores. Answering an executed event with it hangs up. */
    static Reply none() {
        return None.INSTANCE;
    }

    record Later(CompletionStage<Response> response) implements Reply {
        public Later {
            Objects.requireNonNull(response, "response");
        }
    }

    enum None implements Reply {
        INSTANCE
    }
}
