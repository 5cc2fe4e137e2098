package io.switchboard.testkit.simulator;

import io.switchboard.domain.common.ReplyContext;
import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.verb.BxmlRules;
import io.switchboard.domain.verb.RuleViolation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The checks every reply goes through, as Bandwidth would judge it: the status, the
 * content type, whether the BXML could be read and keeps the rules for the event it answers, and how long it
 * took against Bandwidth's callback timeout and our own reply deadline.
 */
public final class ReplyChecks {
    /** No answer at all (connection refused, no reply within the callback timeout), even after a retry. */
    public static final String UNDELIVERABLE = "undeliverable";
    /** A status Bandwidth does not take: not 200 for executed events, not 2xx for the others. */
    public static final String STATUS = "status";
    /** BXML sent without {@code application/xml}. */
    public static final String CONTENT_TYPE = "content-type";
    /** An executed event answered with an empty body (send {@code <Response/>} to hang up). */
    public static final String EMPTY_REPLY = "empty-reply";
    /** A body that is not well-formed BXML of known verbs. */
    public static final String UNREADABLE_BXML = "unreadable-bxml";
    /** BXML that breaks a rule of {@link BxmlRules} for the event it answers. */
    public static final String BXML_RULES = "bxml-rules";
    /** Slower than Bandwidth's callback timeout: Bandwidth would have given up. */
    public static final String BANDWIDTH_TIMEOUT = "bandwidth-timeout";
    /** Slower than the reply deadline the service is configured to keep. */
    public static final String DEADLINE = "deadline";
    /** The service answered with its fallback, not with the flow's reply (transports that can tell only). */
    public static final String FALLBACK = "fallback";
    /** A redelivery of the same event got another reply: the service is not idempotent. */
    public static final String REDELIVERY_MISMATCH = "redelivery-mismatch";
    /** BXML named a callback URL the simulator may not follow (another host, or not a URL at all). */
    public static final String CALLBACK_URL = "callback-url";

    private final Duration bandwidthTimeout;
    private final Duration deadline;

    /**
     * @param bandwidthTimeout Bandwidth's callback timeout (15 s unless the call says otherwise)
     * @param deadline         the reply deadline the service under test promises
     */
    public ReplyChecks(Duration bandwidthTimeout, Duration deadline) {
        this.bandwidthTimeout = Objects.requireNonNull(bandwidthTimeout, "bandwidthTimeout");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    /** Every check {@code delivery} fails as the reply to {@code event}; empty when it passed. */
    public List<Violation> check(String callId, URI url, VoiceEvent event, Delivery delivery) {
        List<Violation> found = new ArrayList<>();
        String eventType = event.eventType();
        Reporter report =
                (check, detail) -> found.add(new Violation(callId, eventType, String.valueOf(url), check, detail));
        if (!delivery.answered()) {
            report.add(UNDELIVERABLE, delivery.failure());
            return found;
        }
        ReplyExpectation expectation = event.replyExpectation();
        int status = delivery.status();
        boolean statusOk = switch (expectation) {
            case EXECUTED -> status == 200;
            case EXECUTED_IF_PRESENT -> status == 200 || status == 204;
            case IGNORED -> status >= 200 && status < 300;
        };
        if (!statusOk) {
            report.add(
                    STATUS,
                    "HTTP " + status + "; expected "
                            + switch (expectation) {
                                case EXECUTED -> "200 with BXML";
                                case EXECUTED_IF_PRESENT -> "200 with BXML, or 204";
                                case IGNORED -> "2xx";
                            });
        } else if (expectation.allowsBxml()) {
            checkBody(event, delivery, report);
        }
        if (delivery.latency().compareTo(bandwidthTimeout) > 0) {
            report.add(
                    BANDWIDTH_TIMEOUT,
                    "replied after " + millis(delivery.latency()) + "; Bandwidth waits " + millis(bandwidthTimeout));
        } else if (delivery.latency().compareTo(deadline) > 0) {
            report.add(
                    DEADLINE, "replied after " + millis(delivery.latency()) + "; the deadline is " + millis(deadline));
        }
        if (delivery.fallback() != null) {
            report.add(FALLBACK, delivery.fallback());
        }
        return found;
    }

    private static void checkBody(VoiceEvent event, Delivery delivery, Reporter report) {
        if (delivery.unreadable() != null) {
            report.add(UNREADABLE_BXML, delivery.unreadable());
            return;
        }
        if (delivery.bxml() == null) {
            if (event.replyExpectation() == ReplyExpectation.EXECUTED) {
                report.add(
                        EMPTY_REPLY,
                        "an empty body; Bandwidth runs the reply to " + event.eventType()
                                + ", so send a document (<Response/> hangs up)");
            }
            return;
        }
        String contentType = delivery.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/xml")) {
            report.add(CONTENT_TYPE, "BXML sent as " + contentType + "; expected application/xml");
        }
        for (RuleViolation rule : BxmlRules.check(delivery.bxml(), ReplyContext.ofEventType(event.eventType()))) {
            report.add(BXML_RULES, rule.toString());
        }
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    @FunctionalInterface
    private interface Reporter {
        void add(String check, String detail);
    }
}
