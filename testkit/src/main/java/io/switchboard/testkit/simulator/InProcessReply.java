package io.switchboard.testkit.simulator;

import io.switchboard.domain.entity.EntityState;
import io.switchboard.domain.entity.EventReply;
import java.util.Objects;

/**
 * What a service in the same JVM answered to one event, with what HTTP cannot tell: why a fallback went out and
 * the state the flow was given.
 *
 * @param reply         the entity's reply
 * @param fallbackCause why the reply is the fallback (the flow's exception, the BXML rules it broke, the timeout
 *                      it missed); {@code null} when it is not, or when the service cannot tell
 * @param stateSeen     the call's or conference's state the flow was asked with; {@code null} when the flow did
 *                      not run (a redelivery) or the service cannot tell
 */
public record InProcessReply(EventReply reply, String fallbackCause, EntityState stateSeen) {
    public InProcessReply {
        Objects.requireNonNull(reply, "reply");
    }

    /** A reply and nothing more about it. */
    public static InProcessReply of(EventReply reply) {
        return new InProcessReply(reply, null, null);
    }
}
