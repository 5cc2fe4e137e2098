package io.switchboard.domain.control;

import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.verb.Callback;
import io.switchboard.domain.verb.Credentials;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Redirect a conference (Bandwidth asks {@code redirectUrl} for BXML to run in it, in a {@code conferenceRedirect}
 * webhook) or end it, ejecting every member.
 *
 * @param complete    {@code status=completed}; then nothing else may be given
 * @param redirect    absent URL: this service's conference channel
 * @param credentials what Bandwidth presents to the redirect URLs
 */
public record UpdateConference(ConferenceId conferenceId, boolean complete, Callback redirect, Credentials credentials)
        implements CallControlRequest {

    static final String OPERATION = "updateConference";

    public UpdateConference {
        Objects.requireNonNull(conferenceId, "conferenceId");
        if (complete && (redirect != null || credentials != null)) {
            throw RequestChecks.invalid(
                    OPERATION, "status", "completed", "takes no redirect or credentials (it ends the conference)");
        }
        RequestChecks.callback(OPERATION, "redirect", redirect);
        RequestChecks.credentials(OPERATION, "", credentials);
    }

    /** End the conference and eject every member. */
    public static UpdateConference complete(ConferenceId conferenceId) {
        return new UpdateConference(conferenceId, true, null, null);
    }

    /** Redirect the conference to {@code url} ({@code null}: this service's conference channel). */
    public static UpdateConference redirect(ConferenceId conferenceId, String url) {
        return new UpdateConference(conferenceId, false, Callback.of(url), null);
    }

    @Override
    public String operation() {
        return OPERATION;
    }

    @Override
    public CompletionStage<Void> sendThrough(CallControl control) {
        return control.updateConference(this);
    }
}
