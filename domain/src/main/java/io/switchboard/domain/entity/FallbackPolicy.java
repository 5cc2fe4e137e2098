package io.switchboard.domain.entity;

import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.verb.Response;
import java.util.Objects;

/**
 * What the caller gets when the flow cannot answer (it failed, was too slow, or the call is overloaded).
 *
 * @param executedEventResponse the BXML for events whose reply Bandwidth executes, typically a short apology
 *                              and a hang-up; other events get an empty reply
 */
public record FallbackPolicy(Response executedEventResponse) {
    public FallbackPolicy {
        Objects.requireNonNull(executedEventResponse, "executedEventResponse");
    }

    public EventReply replyTo(VoiceEvent event, ReplyOrigin why) {
        return switch (event.replyExpectation()) {
            case EXECUTED -> new EventReply(executedEventResponse, why);
            case EXECUTED_IF_PRESENT, IGNORED -> new EventReply(null, why);
        };
    }
}
