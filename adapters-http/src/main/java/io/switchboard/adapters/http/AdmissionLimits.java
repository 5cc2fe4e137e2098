package io.switchboard.adapters.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What protects the reply deadline of admitted webhooks in a flood, beside the ceiling on webhooks in flight
 * ({@link HttpSettings#maxInFlight()}).
 *
 * <p>Connections: past {@code maxConnections} open ones, the next are still accepted, but their requests are
 * answered at once with 503 and {@code Retry-After} (health checks excepted) until one of the served connections
 * closes, rather than left in the kernel's accept queue, where the client sees nothing for seconds (Linux drops the
 * connection attempts of a full queue, and the client tries them again after 1, 3, 7 s). They stay open: a new
 * connection costs the node more than a request on an open one, and in a flood that cost is what made refusals
 * slow.
 *
 * <p>Webhooks in flight: by Little's law the time a webhook waits is the webhooks in flight over the rate they are
 * answered, and that rate falls with the CPU the node gets, its GC pauses, its journal. So the limit adapts: it
 * starts at {@code minInFlight}, grows by one with each webhook answered within {@code replyTimeTarget} while at
 * least half of it is in use, and halves (at most once per {@code replyTimeTarget}, never under
 * {@code minInFlight}) when one takes longer; it never exceeds the ceiling.
 *
 * <p>Bodies: a body that has not arrived whole with its headers (any request's on the webhook port) is read whole
 * before any route sees it, and must arrive within {@code bodyTimeout}, or the request is answered 408 and its
 * connection closed (a body that trickles in would otherwise hold a served connection and its bytes for as long as
 * a byte comes before the idle timeout). Such a request meets authentication and the in-flight limit only then.
 *
 * @param maxConnections  open connections whose webhooks are handled
 * @param minInFlight     the least the in-flight limit falls to, and where it starts
 * @param replyTimeTarget              the time from a webhook's arrival to its reply past which the in-flight limit
 *                                     shrinks: well under the reply deadline, above the time the flows normally take
 * @param bodyTimeout     how long a webhook's body may take to arrive once its headers have
 */
public record AdmissionLimits(int maxConnections, int minInFlight, Duration replyTimeTarget, Duration bodyTimeout) {
    public static final AdmissionLimits DEFAULTS =
            new AdmissionLimits(1024, 64, Duration.ofSeconds(1), Duration.ofSeconds(5));

    public AdmissionLimits {
        Objects.requireNonNull(replyTimeTarget, "replyTimeTarget");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        if (maxConnections <= 0 || minInFlight <= 0) {
            throw new IllegalArgumentException(
                    "maxConnections and minInFlight must be positive, were " + maxConnections + " and " + minInFlight);
        }
        requirePositive("replyTimeTarget", replyTimeTarget);
        requirePositive("bodyTimeout", bodyTimeout);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
