package io.switchboard.application.port.out;

import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EventReply;
import java.time.Duration;

/**
 * Hears about every handled event, after its reply was sent (analytics, audit). Listeners run off the reply
 * path: a slow or failing listener never delays or changes a reply.
 */
public interface VoiceEventListener {
    void onHandled(VoiceEvent event, EventReply reply, Duration latency);
}
