package io.switchboard.domain.control;

import java.util.Objects;

/**
 * A call-control request a flow made, as its entity keeps it on the timeline: an id of its own, the request, and
 * its outcome once known.
 *
 * @param outcome {@code null} while the request is on its way
 */
public record IssuedRequest(String id, CallControlRequest request, RequestOutcome outcome) {
    public IssuedRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
    }

    public boolean settled() {
        return outcome != null;
    }

    public IssuedRequest settledAs(RequestOutcome value) {
        return new IssuedRequest(id, request, value);
    }
}
