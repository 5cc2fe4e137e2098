package io.switchboard.adapters.http;

import io.switchboard.adapters.bxml.CallbackUrls;
import io.switchboard.adapters.http.json.PayloadLimits;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the webhook server listens and what it accepts.
 *
 * @param port          0 picks a free port
 * @param credentials   when present, every webhook must carry them (health checks never need them)
 * @param realm         named in the {@code WWW-Authenticate} challenge
 * @param payloadLimits bounds on a webhook's body and the JSON in it; larger bodies are refused with 413 before
 *                      they are read in full
 * @param maxInFlight   webhooks handled at once; past it, 503 with {@code Retry-After} at once, so an overload
 *                      sheds load instead of piling up requests until memory runs out
 * @param retryAfter    what a 503 asks Bandwidth to wait before trying again
 * @param admission     how many connections are served, and how the in-flight limit adapts to the time webhooks
 *                      take
 * @param publicUrl     where Bandwidth reaches this service (e.g. {@code https://ivr.example.com}): callbacks a
 *                      flow leaves without a URL point at its {@code /voice} channels; none leaves them out
 * @param tls           when present, the server speaks HTTPS only
 * @param answered      how many answered webhooks are kept, and for how long, so that a redelivery is neither
 *                      decoded nor its reply written again
 */
public record HttpSettings(
        String host,
        int port,
        Optional<WebhookCredentials> credentials,
        String realm,
        PayloadLimits payloadLimits,
        int maxInFlight,
        Duration retryAfter,
        AdmissionLimits admission,
        Optional<String> publicUrl,
        Optional<TlsSettings> tls,
        AnsweredWebhookLimits answered) {

    public static final String DEFAULT_REALM = "switchboard";
    /** Bandwidth's payloads are a few kilobytes; this leaves ample room without buffering arbitrary bodies. */
    public static final long DEFAULT_MAX_BODY_BYTES = PayloadLimits.DEFAULTS.maxBodyBytes();

    public static final int DEFAULT_MAX_IN_FLIGHT = 512;
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(payloadLimits, "payloadLimits");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(admission, "admission");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(answered, "answered");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        // The realm is sent quoted in a header: a quote, backslash or control character would break it.
        if (realm.isBlank() || realm.chars().anyMatch(c -> c == '"' || c == '\\' || Character.isISOControl(c))) {
            throw new IllegalArgumentException(
                    "realm must be non-blank text without quotes, backslashes or control characters");
        }
        if (maxInFlight <= 0) {
            throw new IllegalArgumentException("maxInFlight must be positive, was " + maxInFlight);
        }
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive, was " + retryAfter);
        }
    }

    /** Settings without authentication or TLS, with the default realm and limits. */
    public static HttpSettings of(String host, int port) {
        return new HttpSettings(
                host,
                port,
                Optional.empty(),
                DEFAULT_REALM,
                PayloadLimits.DEFAULTS,
                DEFAULT_MAX_IN_FLIGHT,
                DEFAULT_RETRY_AFTER,
                AdmissionLimits.DEFAULTS,
                Optional.empty(),
                Optional.empty(),
                AnsweredWebhookLimits.DEFAULTS);
    }

    public long maxBodyBytes() {
        return payloadLimits.maxBodyBytes();
    }

    /** Where callbacks a flow leaves without a URL point: this service's {@code /voice} channels, if known. */
    public CallbackUrls callbackUrls() {
        return publicUrl
                .map(url ->
                        CallbackUrls.under((url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/voice"))
                .orElse(CallbackUrls.none());
    }

    public HttpSettings withCredentials(WebhookCredentials webhookCredentials) {
        return edit(copy -> copy.credentials = Optional.of(webhookCredentials));
    }

    public HttpSettings withRealm(String newRealm) {
        return edit(copy -> copy.realm = newRealm);
    }

    public HttpSettings withMaxBodyBytes(long newMaxBodyBytes) {
        return withPayloadLimits(payloadLimits.withMaxBodyBytes(newMaxBodyBytes));
    }

    public HttpSettings withPayloadLimits(PayloadLimits newLimits) {
        return edit(copy -> copy.payloadLimits = newLimits);
    }

    public HttpSettings withOverload(int newMaxInFlight, Duration newRetryAfter) {
        return edit(copy -> {
            copy.maxInFlight = newMaxInFlight;
            copy.retryAfter = newRetryAfter;
        });
    }

    public HttpSettings withAdmission(AdmissionLimits newAdmission) {
        return edit(copy -> copy.admission = newAdmission);
    }

    public HttpSettings withPublicUrl(String url) {
        return edit(copy -> copy.publicUrl = Optional.of(url));
    }

    public HttpSettings withTls(TlsSettings tlsSettings) {
        return edit(copy -> copy.tls = Optional.of(tlsSettings));
    }

    public HttpSettings withAnswered(AnsweredWebhookLimits newAnswered) {
        return edit(copy -> copy.answered = newAnswered);
    }

    /** These settings with what {@code change} sets on a copy of them, checked as any settings are. */
    private HttpSettings edit(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.settings();
    }

    /** The components of settings being edited: one place that lists them, for every wither. */
    private static final class Copy {
        private final String host;
        private final int port;
        private Optional<WebhookCredentials> credentials;
        private String realm;
        private PayloadLimits payloadLimits;
        private int maxInFlight;
        private Duration retryAfter;
        private AdmissionLimits admission;
        private Optional<String> publicUrl;
        private Optional<TlsSettings> tls;
        private AnsweredWebhookLimits answered;

        Copy(HttpSettings of) {
            host = of.host;
            port = of.port;
            credentials = of.credentials;
            realm = of.realm;
            payloadLimits = of.payloadLimits;
            maxInFlight = of.maxInFlight;
            retryAfter = of.retryAfter;
            admission = of.admission;
            publicUrl = of.publicUrl;
            tls = of.tls;
            answered = of.answered;
        }

        HttpSettings settings() {
            return new HttpSettings(
                    host,
                    port,
                    credentials,
                    realm,
                    payloadLimits,
                    maxInFlight,
                    retryAfter,
                    admission,
                    publicUrl,
                    tls,
                    answered);
        }
    }
}
