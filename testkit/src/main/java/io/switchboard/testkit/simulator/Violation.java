package io.switchboard.testkit.simulator;

import java.util.Objects;

/**
 * One reply that broke a check, named by the call and the event it answered.
 *
 * @param callId    the simulated call (the leg that sent the event; for conference events, the member whose
 *                  action caused it)
 * @param eventType the event the reply answered
 * @param url       where the event was sent
 * @param check     which check failed: see {@link ReplyChecks}
 * @param detail    what was wrong
 */
public record Violation(String callId, String eventType, String url, String check, String detail) {
    public Violation {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return "call " + callId + ", " + eventType + " to " + url + ": " + check + ": " + detail;
    }
}
