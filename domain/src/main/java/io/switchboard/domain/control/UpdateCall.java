package io.switchboard.domain.control;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.verb.Callback;
import io.switchboard.domain.verb.Credentials;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Steer a live call: redirect it (Bandwidth interrupts its BXML and asks {@code redirectUrl} for new BXML in a
 * {@code redirect} webhook), optionally retagging it, or hang it up (a queued outbound call is cancelled, an
 * unanswered inbound one rejected). Bandwidth answers {@code 409} when the call is no longer active.
 *
 * @param hangUp      {@code state=completed}; then nothing else may be given
 * @param redirect    {@code redirectUrl}, {@code redirectMethod}, {@code redirectFallbackUrl},
 *                    {@code redirectFallbackMethod}; absent URL: this service's redirect channel
 * @param credentials what Bandwidth presents to the redirect URLs
 * @param tag         the call's new tag, at most 4096 characters; {@code ""} clears it
 */
public record UpdateCall(CallId callId, boolean hangUp, Callback redirect, Credentials credentials, String tag)
        implements CallControlRequest {

    static final String OPERATION = "updateCall";

    public UpdateCall {
        Objects.requireNonNull(callId, "callId");
        if (hangUp && (redirect != null || credentials != null || tag != null)) {
            throw RequestChecks.invalid(
                    OPERATION, "state", "completed", "takes no redirect, credentials or tag (it hangs up)");
        }
        RequestChecks.callback(OPERATION, "redirect", redirect);
        RequestChecks.credentials(OPERATION, "", credentials);
        RequestChecks.tag(OPERATION, tag);
    }

    /** Hang the call up, or cancel it while it is queued. */
    public static UpdateCall hangUp(CallId callId) {
        return new UpdateCall(callId, true, null, null, null);
    }

    /** Redirect the call to {@code url} ({@code null}: this service's redirect channel). */
    public static UpdateCall redirect(CallId callId, String url) {
        return new UpdateCall(callId, false, Callback.of(url), null, null);
    }

    public UpdateCall withRedirect(Callback value) {
        return new UpdateCall(callId, hangUp, value, credentials, tag);
    }

    public UpdateCall withCredentials(Credentials value) {
        return new UpdateCall(callId, hangUp, redirect, value, tag);
    }

    public UpdateCall withTag(String value) {
        return new UpdateCall(callId, hangUp, redirect, credentials, value);
    }

    @Override
    public String operation() {
        return OPERATION;
    }

    @Override
    public CompletionStage<Void> sendThrough(CallControl control) {
        return control.updateCall(this);
    }
}
