package io.switchboard.domain.verb;

/**
 * Where Bandwidth sends a webhook a verb causes, for the callbacks BXML gives a fallback. A verb names its
 * callbacks with a prefix (a Gather's is {@code gather}: {@code gatherUrl}, {@code gatherMethod},
 * {@code gatherFallbackUrl}, {@code gatherFallbackMethod}). Any part may be absent; a writer given this
 * service's callback base fills an absent URL with the matching channel. Callbacks without a fallback in BXML
 * are {@link PlainCallback}s, so a fallback cannot be given where Bandwidth would not use it. The verb holding a
 * callback checks its URLs, so that a refusal names the attribute as written ({@code gatherUrl}).
 *
 * @param url            absolute, or relative to the URL that returned the BXML
 * @param method         GET or POST; Bandwidth's default is POST
 * @param fallbackUrl    tried when {@code url} fails to answer
 * @param fallbackMethod GET or POST; Bandwidth's default is POST
 */
public record Callback(String url, CallbackMethod method, String fallbackUrl, CallbackMethod fallbackMethod) {

    public static Callback of(String url) {
        return new Callback(url, null, null, null);
    }

    /** The same callback sent to {@code url} instead. */
    public Callback withUrl(String url) {
        return new Callback(url, method, fallbackUrl, fallbackMethod);
    }
}
