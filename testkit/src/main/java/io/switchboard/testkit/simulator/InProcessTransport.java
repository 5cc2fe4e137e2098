package io.switchboard.testkit.simulator;

import io.switchboard.application.port.in.HandleVoiceEventUseCase;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Delivers events straight to the inbound port, in the same JVM: no HTTP, no JSON, no XML. The port routes by
 * the event, so the URL is not needed here (the simulator still resolves it). Since the reply is the entity's
 * own, this transport can tell when it was the fallback, which HTTP cannot.
 */
public final class InProcessTransport implements WebhookTransport {
    /** What the service's HTTP adapter sends BXML as. */
    private static final String BXML = "application/xml; charset=UTF-8";

    private final Function<VoiceEvent, CompletionStage<InProcessReply>> service;

    public InProcessTransport(HandleVoiceEventUseCase useCase) {
        Objects.requireNonNull(useCase, "useCase");
        this.service = event -> useCase.handle(event).thenApply(InProcessReply::of);
    }

    /** Delivers to a service that also says why it answered with its fallback; the reason reaches the checks. */
    public static InProcessTransport explaining(Function<VoiceEvent, CompletionStage<InProcessReply>> service) {
        return new InProcessTransport(service);
    }

    private InProcessTransport(Function<VoiceEvent, CompletionStage<InProcessReply>> service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    /** The reply is the entity's own, not yet rendered: the HTTP adapter would point absent URLs home. */
    @Override
    public boolean absentCallbacksComeHome() {
        return true;
    }

    @Override
    public CompletionStage<Delivery> deliver(URI url, VoiceEvent event) {
        long started = System.nanoTime();
        return service.apply(event).thenApply(answered -> {
            EventReply reply = answered.reply();
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            if (reply.origin() == ReplyOrigin.NOT_STORED) {
                // The HTTP edge answers 503 for an event the journal did not store: Bandwidth sends it again.
                return Delivery.answered(503, null, null, latency);
            }
            Delivery delivery =
                    Delivery.answered(200, reply.response() == null ? null : BXML, reply.response(), latency);
            ReplyOrigin origin = reply.origin();
            if (!origin.isFallback()) {
                return delivery;
            }
            return delivery.withFallback(
                    answered.fallbackCause() == null
                            ? "the service answered with its fallback: " + origin
                            : origin + ": " + answered.fallbackCause());
        });
    }
}
