package io.switchboard.adapters.bandwidth;

import io.switchboard.domain.verb.Credentials;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the adapter reaches Bandwidth's Voice API and how hard it pushes. {@link #toString} leaves the password out.
 *
 * @param apiUrl              the API's base, {@code https://voice.bandwidth.com/api/v2} in production
 * @param accountId           the account every path is under
 * @param username            the API user (HTTP Basic)
 * @param password            the API password; never logged
 * @param applicationId       the application created calls belong to when a request names none
 * @param callbackBase        this service's {@code /voice} under its public URL: where callbacks a request leaves
 *                            without a URL go
 * @param callbackCredentials presented to those callbacks (this service's webhook credentials), when any
 * @param connectTimeout      to open a connection
 * @param requestTimeout      from sending a request to its answer; past it, a create's outcome is unknown
 * @param retry               when and how often a failed request is tried again
 * @param createsPerSecond    the pace calls are created at, under the account's dequeue rate
 * @param createQueueCapacity calls that may wait for their turn; past it, a create is refused at once
 * @param maxMediaBytes       the largest recording a download accepts
 */
public record BandwidthSettings(
        URI apiUrl,
        String accountId,
        String username,
        String password,
        String applicationId,
        String callbackBase,
        Optional<Credentials> callbackCredentials,
        Duration connectTimeout,
        Duration requestTimeout,
        RetrySettings retry,
        double createsPerSecond,
        int createQueueCapacity,
        long maxMediaBytes) {

    /** Bandwidth's production base URL of the Voice API v2. */
    public static final URI PRODUCTION = URI.create("https://voice.bandwidth.com/api/v2");

    /**
     * @param maxAttempts   tries of one request in all, the first included
     * @param firstBackoff  the wait before the second try; doubled before each further one
     * @param maxBackoff    the longest wait between tries
     * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one fails the request at once
     */
    public record RetrySettings(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration maxRetryAfter) {
        public RetrySettings {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("retry max-attempts must be at least 1, was " + maxAttempts);
            }
            requirePositive("retry first-backoff", firstBackoff);
            requirePositive("retry max-backoff", maxBackoff);
            requirePositive("retry max-retry-after", maxRetryAfter);
        }
    }

    public BandwidthSettings {
        Objects.requireNonNull(apiUrl, "apiUrl");
        if (!"https".equals(apiUrl.getScheme()) && !"http".equals(apiUrl.getScheme())) {
            throw new IllegalArgumentException("SWITCHBOARD_BANDWIDTH_API_URL must be an http(s) URL, was " + apiUrl);
        }
        requireText("SWITCHBOARD_BANDWIDTH_ACCOUNT_ID", accountId);
        requireText("SWITCHBOARD_BANDWIDTH_USERNAME", username);
        requireText("SWITCHBOARD_BANDWIDTH_PASSWORD", password);
        Objects.requireNonNull(callbackBase, "callbackBase");
        Objects.requireNonNull(callbackCredentials, "callbackCredentials");
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("request-timeout", requestTimeout);
        Objects.requireNonNull(retry, "retry");
        if (!(createsPerSecond > 0)) {
            throw new IllegalArgumentException("creates-per-second must be positive, was " + createsPerSecond);
        }
        if (createQueueCapacity < 1) {
            throw new IllegalArgumentException("create-queue-capacity must be at least 1, was " + createQueueCapacity);
        }
        if (maxMediaBytes < 1) {
            throw new IllegalArgumentException("max-media-size must be positive, was " + maxMediaBytes);
        }
        callbackBase = callbackBase.endsWith("/") ? callbackBase.substring(0, callbackBase.length() - 1) : callbackBase;
        applicationId = applicationId == null || applicationId.isBlank() ? null : applicationId;
    }

    /** Where the account's resources are: {@code <apiUrl>/accounts/<accountId>}. */
    URI accountUrl() {
        String base = apiUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "accounts/" + accountId);
    }

    @Override
    public String toString() {
        return "BandwidthSettings[apiUrl=" + apiUrl + ", accountId=" + accountId + ", username=" + username
                + ", password=***, applicationId=" + applicationId + ", callbackBase=" + callbackBase
                + ", createsPerSecond=" + createsPerSecond + ", createQueueCapacity=" + createQueueCapacity + "]";
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required for call control");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
