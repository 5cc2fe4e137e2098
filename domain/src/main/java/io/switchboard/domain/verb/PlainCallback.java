package io.switchboard.domain.verb;

/**
 * A callback for which BXML has no fallback URL: {@code recordingAvailable}, {@code transcriptionAvailable},
 * {@code transferDisconnect}, {@code dtmf}, {@code streamEvent}, {@code transcriptionEvent},
 * {@code referComplete}. Only {@code <prefix>Url} and {@code <prefix>Method} exist. The verb holding it checks
 * the URL, so that a refusal names the attribute as written ({@code dtmfUrl}).
 *
 * @param url    absolute, or relative to the URL that returned the BXML; a writer given this service's callback
 *               base fills an absent one
 * @param method GET or POST; Bandwidth's default is POST
 */
public record PlainCallback(String url, CallbackMethod method) {

    public static PlainCallback of(String url) {
        return new PlainCallback(url, null);
    }

    /** The same callback sent to {@code url} instead. */
    public PlainCallback withUrl(String url) {
        return new PlainCallback(url, method);
    }
}
