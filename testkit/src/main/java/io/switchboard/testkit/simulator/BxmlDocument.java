package io.switchboard.testkit.simulator;

import io.switchboard.domain.verb.Callback;
import io.switchboard.domain.verb.PlainCallback;
import io.switchboard.domain.verb.Response;
import java.net.URI;

/**
 * A BXML document being played, and the URL that returned it, against which its relative callback URLs resolve.
 *
 * @param base               the URL whose reply the document was
 * @param response           the document
 * @param answers            the type of the event it answered
 * @param absentUrlsComeHome whether a callback the document leaves without a URL still comes to the service
 *                           (see {@link WebhookTransport#absentCallbacksComeHome()})
 */
record BxmlDocument(URI base, Response response, String answers, boolean absentUrlsComeHome) {

    /** A callback URL the document named but that cannot be used: the call fails on the verb that named it. */
    static final class UnusableUrl extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnusableUrl(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Where {@code callback} goes: its URL resolved against {@link #base}; {@code null} when the document left it
     * out and it does not come home.
     *
     * @throws UnusableUrl when the URL is not one, or has no host
     */
    URI resolve(Callback callback, String attribute) {
        return resolve(callback == null ? null : callback.url(), attribute);
    }

    /** As {@link #resolve(Callback, String)}, for callbacks without credentials. */
    URI resolve(PlainCallback callback, String attribute) {
        return resolve(callback == null ? null : callback.url(), attribute);
    }

    private URI resolve(String url, String attribute) {
        if (url == null) {
            return absentUrlsComeHome ? base : null;
        }
        try {
            URI resolved = base.resolve(url);
            if (!resolved.isAbsolute() || resolved.getHost() == null) {
                throw new UnusableUrl(attribute + "=\"" + url + "\" does not resolve to a URL with a host");
            }
            return resolved;
        } catch (IllegalArgumentException notAUrl) {
            throw new UnusableUrl(attribute + "=\"" + url + "\" is not a URL: " + notAUrl.getMessage());
        }
    }
}
