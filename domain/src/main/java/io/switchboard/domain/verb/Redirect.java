package io.switchboard.domain.verb;

/** Asks for new BXML with a {@code redirect} webhook; the verbs after it never run. */
public record Redirect(Callback redirect, Credentials credentials, String tag) implements Verb {
    public static Redirect to(String url) {
        return new Redirect(Callback.to(url), null, null);
    }
}
