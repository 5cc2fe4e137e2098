package io.switchboard.testkit.simulator;

import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.Objects;

/**
 * What one webhook delivery got back.
 *
 * @param status      the HTTP status; 0 when no answer came (see {@code failure})
 * @param contentType the reply's content type as sent; {@code null} when it had none
 * @param bxml        the reply's BXML document; {@code null} when the body was empty or unreadable
 * @param unreadable  why the body could not be read as BXML (not well-formed, an unknown verb...); {@code null}
 *                    when it was read or empty
 * @param fallback    set by transports that can tell: why the service answered with its fallback instead of the
 *                    flow's reply (the flow failed, timed out, broke a BXML rule...); {@code null} otherwise
 * @param failure     why no answer came (connection refused, no reply in time); {@code null} when one came
 * @param retryable   whether Bandwidth would retry this failure once: only a connection error
 * @param latency     from sending the request to having the whole reply
 */
public record Delivery(
        int status,
        String contentType,
        Response bxml,
        String unreadable,
        String fallback,
        String failure,
        boolean retryable,
        Duration latency) {

    public Delivery {
        Objects.requireNonNull(latency, "latency");
        if ((status == 0) != (failure != null)) {
            throw new IllegalArgumentException("a delivery has a status or a failure, not both nor neither");
        }
    }

    /** An answer; {@code bxml} is {@code null} for an empty body. */
    public static Delivery answered(int status, String contentType, Response bxml, Duration latency) {
        return new Delivery(status, contentType, bxml, null, null, null, false, latency);
    }

    /** An answer whose body is not BXML the reader accepts. */
    public static Delivery unreadable(int status, String contentType, String reason, Duration latency) {
        return new Delivery(
                status, contentType, null, Objects.requireNonNull(reason, "reason"), null, null, false, latency);
    }

    /** No answer; {@code retryable} for a connection error, which Bandwidth retries once. */
    public static Delivery failed(String reason, boolean retryable, Duration latency) {
        return new Delivery(0, null, null, null, null, Objects.requireNonNull(reason, "failure"), retryable, latency);
    }

    /** This answer, marked as the service's fallback for {@code reason}. */
    public Delivery withFallback(String reason) {
        return new Delivery(status, contentType, bxml, unreadable, reason, failure, retryable, latency);
    }

    public boolean answered() {
        return failure == null;
    }

    /** Whether the body was empty (an answer without BXML and without unreadable text). */
    public boolean emptyBody() {
        return answered() && bxml == null && unreadable == null;
    }
}
