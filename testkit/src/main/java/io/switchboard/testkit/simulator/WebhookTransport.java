package io.switchboard.testkit.simulator;

import io.switchboard.domain.common.VoiceEvent;
import java.net.URI;
import java.util.concurrent.CompletionStage;

/**
 * The simulator's outbound port: delivers one webhook the way Bandwidth would and reports what came back.
 * The HTTP adapter posts the event as Bandwidth's JSON and reads the BXML reply; the offline testing API hands
 * the event straight to the call's entity. Parsing BXML text is the transport's job, so the engine never sees
 * XML. Implementations must not block the calling thread: thousands of calls share a few threads.
 */
public interface WebhookTransport {

    /**
     * Delivers {@code event} to {@code url}. Never completes exceptionally: a failed delivery is a
     * {@link Delivery#failed} value.
     */
    CompletionStage<Delivery> deliver(URI url, VoiceEvent event);

    /**
     * Whether a callback the BXML leaves without a URL still comes to the service. Switchboard's HTTP adapter
     * fills every absent callback URL with its own channel before the BXML leaves, so over HTTP an absent URL
     * means another service's choice (Bandwidth then does what it does without one); a transport that hands
     * over the entity's reply unrendered must say that the service would have filled it.
     */
    default boolean absentCallbacksComeHome() {
        return false;
    }
}
