package io.switchboard.adapters.http;

import static akka.http.javadsl.server.Directives.*;

import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpCharsets;
import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.server.directives.SecurityDirectives.ProvidedCredentials;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.http.json.DecodedWebhook;
import io.switchboard.adapters.http.json.VoiceChannel;
import io.switchboard.adapters.http.json.VoiceEventDecoder;
import io.switchboard.adapters.http.problem.Problem;
import io.switchboard.adapters.http.problem.ProblemExceptionHandler;
import io.switchboard.adapters.http.problem.ProblemRejectionHandler;
import io.switchboard.adapters.http.problem.ProblemRenderer;
import io.switchboard.adapters.http.problem.ProblemType;
import io.switchboard.application.port.in.HandleVoiceEventUseCase;
import io.switchboard.application.port.in.ReadinessQuery;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EventReply;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook endpoints Bandwidth posts to, plus health checks:
 * <ul>
 *   <li>{@code POST /voice/{channel}}: one URL per contract channel; the body's {@code eventType} must be one the
 *       channel accepts.</li>
 *   <li>{@code POST /voice}: one URL for every callback, routed by {@code eventType}; a type nobody knows yet is
 *       acknowledged, never refused.</li>
 *   <li>{@code GET /health/live}, {@code GET /health/ready}: never behind authentication.</li>
 * </ul>
 * The reply is 200 with BXML, or an empty 200; every error is {@code application/problem+json}.
 */
public final class VoiceWebhookRoutes {
    private static final Logger log = LoggerFactory.getLogger(VoiceWebhookRoutes.class);

    private static final ContentType.WithCharset BXML = MediaTypes.APPLICATION_XML.toContentType(HttpCharsets.UTF_8);
    private static final Unmarshaller<HttpEntity, byte[]> JSON_BYTES =
            Unmarshaller.forMediaType(MediaTypes.APPLICATION_JSON, Unmarshaller.entityToByteArray());
    private static final HttpResponse EMPTY_OK = HttpResponse.create();

    private final HandleVoiceEventUseCase useCase;
    private final ReadinessQuery readiness;
    private final BxmlWriter bxmlWriter;
    private final VoiceEventDecoder decoder;
    private final ProblemRenderer problems;
    private final HttpSettings settings;

    public VoiceWebhookRoutes(
            HandleVoiceEventUseCase useCase,
            ReadinessQuery readiness,
            BxmlWriter bxmlWriter,
            ObjectMapper mapper,
            HttpSettings settings) {
        this.useCase = Objects.requireNonNull(useCase, "useCase");
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.bxmlWriter = Objects.requireNonNull(bxmlWriter, "bxmlWriter");
        this.decoder = new VoiceEventDecoder(mapper);
        this.problems = new ProblemRenderer(mapper);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public HttpSettings settings() {
        return settings;
    }

    /** Every route, sealed: each rejection and failure is answered with a problem, never passed on. */
    public Route route() {
        return concat(
                healthRoutes(),
                pathPrefix("voice", () -> authenticated(this::webhookRoutes)))
                .seal(ProblemRejectionHandler.create(problems), ProblemExceptionHandler.create(problems));
    }

    private Route healthRoutes() {
        return pathPrefix("health", () -> concat(
                path("live", () -> get(() -> complete(health(true)))),
                path("ready", () -> get(() -> complete(health(readiness.isReady()))))));
    }

    private static HttpResponse health(boolean up) {
        return HttpResponse.create()
                .withStatus(up ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE)
                .withEntity(ContentTypes.APPLICATION_JSON, up ? "{\"status\":\"up\"}" : "{\"status\":\"down\"}");
    }

    private Route webhookRoutes() {
        return concat(
                pathEndOrSingleSlash(() -> post(() -> jsonBody(this::handleByEventType))),
                path(PathMatchers.segment(), name -> VoiceChannel.forPath(name)
                        .map(channel -> post(() -> jsonBody(body -> handle(decoder.decode(channel, body)))))
                        .orElseGet(() -> unknownChannel(name))));
    }

    /** Bandwidth sends the first request without credentials and resends only after the 401 challenge. */
    private Route authenticated(Supplier<Route> inner) {
        return settings.credentials()
                .map(expected -> authenticateBasic(settings.realm(),
                        provided -> provided.filter(expected::matches).map(ProvidedCredentials::identifier),
                        username -> inner.get()))
                .orElseGet(inner);
    }

    /**
     * Reads a JSON body of at most the configured size. The limit is set on the entity before it is read, so an
     * oversized body fails with 413 as soon as it passes the limit; any other content type is a 415.
     */
    private Route jsonBody(Function<byte[], Route> inner) {
        return withSizeLimit(settings.maxBodyBytes(), () -> entity(JSON_BYTES, inner));
    }

    private Route handleByEventType(byte[] body) {
        DecodedWebhook decoded = decoder.decode(body);
        return decoded.event().map(this::handle).orElseGet(() -> acknowledgeUnknown(decoded.eventType()));
    }

    /** A type Bandwidth added after this release: refusing it would only make Bandwidth retry or fail the call. */
    private Route acknowledgeUnknown(String eventType) {
        log.warn("Acknowledged a webhook of unknown eventType '{}' without handling it", eventType);
        return complete(EMPTY_OK);
    }

    private Route handle(VoiceEvent event) {
        // onSuccess, not thenApply: see STYLE pitfall 11 (commonPool starvation on small machines).
        return onSuccess(useCase.handle(event), this::replyWith);
    }

    private Route replyWith(EventReply reply) {
        return reply.bxml()
                .map(response -> complete(HttpResponse.create().withEntity(BXML, bxmlWriter.write(response))))
                .orElseGet(() -> complete(EMPTY_OK));
    }

    private Route unknownChannel(String name) {
        return complete(problems.render(Problem.of(ProblemType.UNKNOWN_CHANNEL,
                        "Known channels: " + VoiceChannel.knownPaths())
                .withChannel(name)));
    }
}
