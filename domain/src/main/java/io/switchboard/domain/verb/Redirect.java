package io.switchboard.domain.verb;

/**
 * Asks for new BXML with a {@code redirect} webhook. The verbs after it never run, so a response that has any
 * breaks a rule of {@link BxmlRules}.
 *
 * @param redirect {@code redirectUrl} is required in BXML; when absent, a writer with a callback base points it
 *                 at this service's {@code /redirect} channel (a writer without one refuses the verb)
 */
public record Redirect(Callback redirect, Credentials credentials, String tag) implements Verb {
    public Redirect {
        Limits.callback("Redirect", "redirect", redirect);
        Limits.credentials("Redirect", credentials);
        Limits.tag("Redirect", tag);
    }

    public static Redirect to(String url) {
        return new Redirect(Callback.to(url), null, null);
    }

    /** A redirect to this service's own {@code /redirect} channel, filled in when the BXML is written. */
    public static Redirect toService() {
        return new Redirect(null, null, null);
    }
}
