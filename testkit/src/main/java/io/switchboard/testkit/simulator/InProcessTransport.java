package io.switchboard.testkit.simulator;

import io.switchboard.application.port.in.HandleVoiceEventUseCase;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.ReplyOrigin;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Delivers events straight to the inbound port, in the same JVM: no HTTP, no JSON, no XML. The port routes by
 * the event, so the URL is not needed here (the simulator still resolves it). Since the reply is the entity's
 * own, this transport can tell when it was the fallback, which HTTP cannot.
 */
public final class InProcessTransport implements WebhookTransport {
    /** What the service's HTTP adapter sends BXML as. */
    private static final String BXML = "application/xml; charset=UTF-8";

    private final HandleVoiceEventUseCase useCase;

    public InProcessTransport(HandleVoiceEventUseCase useCase) {
        this.useCase = Objects.requireNonNull(useCase, "useCase");
    }

    /** The reply is the entity's own, not yet rendered: the HTTP adapter would point absent URLs home. */
    @Override
    public boolean absentCallbacksComeHome() {
        return true;
    }

    @Override
    public CompletionStage<Delivery> deliver(URI url, VoiceEvent event) {
        long started = System.nanoTime();
        return useCase.handle(event).thenApply(reply -> {
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            if (reply.origin() == ReplyOrigin.NOT_STORED) {
                // The HTTP edge answers 503 for an event the journal did not store: Bandwidth sends it again.
                return Delivery.answered(503, null, null, latency);
            }
            Delivery delivery =
                    Delivery.answered(200, reply.response() == null ? null : BXML, reply.response(), latency);
            ReplyOrigin origin = reply.origin();
            return origin.isFallback()
                    ? delivery.withFallback("the service answered with its fallback: " + origin)
                    : delivery;
        });
    }
}
