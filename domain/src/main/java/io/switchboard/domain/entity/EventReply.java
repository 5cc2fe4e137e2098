package io.switchboard.domain.entity;

import io.switchboard.domain.verb.Response;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one event: a BXML document, or none (the HTTP reply is then an empty 200), and where it came from.
 *
 * @param response {@code null} when the reply carries no BXML
 */
public record EventReply(Response response, ReplyOrigin origin) {
    public EventReply {
        Objects.requireNonNull(origin, "origin");
    }

    public Optional<Response> bxml() {
        return Optional.ofNullable(response);
    }

    /** No answer: the event was not stored, and must be sent again (see {@link ReplyOrigin#NOT_STORED}). */
    public static EventReply notStored() {
        return new EventReply(null, ReplyOrigin.NOT_STORED);
    }

    /** The same answer, given again to a redelivered event. */
    public EventReply asRedelivery() {
        return new EventReply(response, ReplyOrigin.REDELIVERY);
    }
}
