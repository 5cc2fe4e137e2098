package io.switchboard.domain.verb;

/**
 * Where Bandwidth sends the webhook a verb causes. A verb names its callbacks with a prefix (a Gather's is
 * {@code gather}: {@code gatherUrl}, {@code gatherMethod}, {@code gatherFallbackUrl}, {@code gatherFallbackMethod}).
 * Any part may be absent; an absent URL is filled in with this service's own channel when the BXML is written.
 */
public record Callback(String url, CallbackMethod method, String fallbackUrl, CallbackMethod fallbackMethod) {

    public static Callback to(String url) {
        return new Callback(url, null, null, null);
    }
}
