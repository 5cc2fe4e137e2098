package io.switchboard.adapters.http;

import static akka.http.javadsl.server.Directives.*;

import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpCharsets;
import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.HttpMethods;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.Authorization;
import akka.http.javadsl.model.headers.BasicHttpCredentials;
import akka.http.javadsl.model.headers.RetryAfter;
import akka.http.javadsl.server.ExceptionHandler;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.server.directives.SecurityDirectives.ProvidedCredentials;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import akka.util.ByteString;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.http.json.DecodedWebhook;
import io.switchboard.adapters.http.json.VoiceChannel;
import io.switchboard.adapters.http.json.VoiceEventDecoder;
import io.switchboard.adapters.http.json.WebhookObjectMapper;
import io.switchboard.adapters.http.problem.Problem;
import io.switchboard.adapters.http.problem.ProblemExceptionHandler;
import io.switchboard.adapters.http.problem.ProblemRejectionHandler;
import io.switchboard.adapters.http.problem.ProblemRenderer;
import io.switchboard.adapters.http.problem.ProblemType;
import io.switchboard.application.port.in.AdmissionRefusedException;
import io.switchboard.application.port.in.HandleVoiceEventUseCase;
import io.switchboard.application.port.in.ReadinessQuery;
import io.switchboard.domain.call.CallEvent;
import io.switchboard.domain.call.UnrecognizedCallEvent;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceEvent;
import io.switchboard.domain.conference.UnrecognizedConferenceEvent;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.FallbackPolicy;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.verb.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The webhook endpoints Bandwidth calls, plus health checks:
 * <ul>
 *   <li>{@code POST /voice/{channel}}: one URL per channel (each contract channel, each live-only event type);
 *       the body's {@code eventType} must be one the channel accepts.</li>
 *   <li>{@code POST /voice}: one URL for every callback, routed by {@code eventType}; a type nobody knows yet is
 *       recorded on its call (or conference) and acknowledged, never refused.</li>
 *   <li>{@code GET} on the same paths: callbacks configured with the GET method, their fields as query
 *       parameters.</li>
 *   <li>{@code GET /health/live}, {@code GET /health/ready}: never behind authentication or the overload limit.</li>
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
    private final FallbackPolicy fallback;
    private final HttpSettings settings;
    private final WebhookMonitor monitor;
    private final BxmlWriter bxmlWriter;
    private final ByteString fallbackBxml;
    private final VoiceEventDecoder decoder;
    private final ProblemRenderer problems;
    private final ExceptionHandler exceptionHandler;
    private final RetryAfter retryAfter;
    private final InFlightLimit inFlight;
    private final AnsweredWebhooks answeredWebhooks;

    /**
     * @param fallback what a caller hears when the flow's reply cannot be rendered as BXML
     */
    public VoiceWebhookRoutes(
            HandleVoiceEventUseCase useCase,
            ReadinessQuery readiness,
            FallbackPolicy fallback,
            HttpSettings settings,
            WebhookMonitor monitor) {
        this.useCase = Objects.requireNonNull(useCase, "useCase");
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        // Callbacks a flow leaves without a URL come home to this service's channel for them.
        this.bxmlWriter = new BxmlWriter(settings.callbackUrls());
        // Rendered once, now: a fallback that cannot be rendered fails at start-up, not on a live call.
        this.fallbackBxml =
                ByteString.fromString(bxmlWriter.write(fallback.executedEventResponse()), StandardCharsets.UTF_8);
        ObjectMapper mapper = WebhookObjectMapper.create(settings.payloadLimits());
        this.decoder = new VoiceEventDecoder(mapper, settings.payloadLimits());
        this.problems = new ProblemRenderer(mapper);
        this.exceptionHandler = ProblemExceptionHandler.create(problems, settings.retryAfter());
        this.retryAfter = RetryAfter.create(Math.max(1, settings.retryAfter().toSeconds()));
        this.inFlight = new InFlightLimit(
                settings.admission().minInFlight(),
                settings.maxInFlight(),
                settings.admission().replyTimeTarget(),
                System::nanoTime);
        this.answeredWebhooks = new AnsweredWebhooks(
                settings.answered().maxEntries(), settings.answered().keepFor());
    }

    public VoiceWebhookRoutes(
            HandleVoiceEventUseCase useCase, ReadinessQuery readiness, FallbackPolicy fallback, HttpSettings settings) {
        this(useCase, readiness, fallback, settings, WebhookMonitor.NONE);
    }

    public HttpSettings settings() {
        return settings;
    }

    /**
     * Every route, sealed: each rejection and failure is answered with a problem, never passed on. The tree is
     * built here, once: the Java DSL evaluates an inner route's {@code Supplier} on every request that reaches
     * it, so every supplier below hands out a route built already rather than building one per webhook.
     */
    public Route route() {
        Route webhooks = limited(authenticated(webhookRoutes()));
        return concat(healthRoutes(), pathPrefix("voice", () -> webhooks))
                .seal(ProblemRejectionHandler.create(problems), exceptionHandler);
    }

    /**
     * The common webhook, answered without the routing DSL, whose directives cost more than the rest of the edge
     * on every webhook: an authenticated JSON POST to a channel's URL (or the shared one) whose body arrived whole,
     * is within the size limit and decodes, while the in-flight limit admits it. Empty for any other request, which
     * {@link #route()} then answers as ever. The answer, and what is counted and logged, are those the route gives.
     */
    public Optional<CompletionStage<HttpResponse>> answerDirectly(HttpRequest request) {
        if (!request.method().equals(HttpMethods.POST)
                || !(request.entity() instanceof HttpEntity.Strict body)
                || !body.getContentType().mediaType().equals(MediaTypes.APPLICATION_JSON)
                || body.getData().size() > settings.maxBodyBytes()
                || !authenticated(request)) {
            return Optional.empty();
        }
        String path = request.getUri().path();
        Optional<VoiceChannel> channel;
        if (path.equals("/voice") || path.equals("/voice/")) {
            channel = Optional.empty();
        } else if (path.startsWith("/voice/") && path.indexOf('/', "/voice/".length()) < 0) {
            channel = VoiceChannel.forPath(path.substring("/voice/".length()));
            if (channel.isEmpty()) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        byte[] bytes = body.getData().toArray();
        AnsweredWebhooks.Request asked = answeredWebhooks.request(channel, bytes);
        Optional<AnsweredWebhooks.Answered> before = answeredWebhooks.find(asked);
        Optional<VoiceEvent> event;
        if (before.isPresent()) {
            event = Optional.of(before.get().event());
        } else {
            try {
                event = channel.isPresent()
                        ? Optional.of(decoder.decode(channel.get(), bytes))
                        : decoder.decode(bytes).event();
            } catch (RuntimeException refused) {
                // The route refuses it with its problem document.
                return Optional.empty();
            }
        }
        if (event.isEmpty() || !inFlight.tryAcquire()) {
            return Optional.empty();
        }
        return Optional.of(answer(request, event.get(), asked, before));
    }

    private boolean authenticated(HttpRequest request) {
        return settings.credentials()
                .map(expected -> request.getHeader(Authorization.class)
                        .map(Authorization::credentials)
                        .filter(BasicHttpCredentials.class::isInstance)
                        .map(BasicHttpCredentials.class::cast)
                        .filter(basic -> expected.matches(basic.username(), basic.password()))
                        .isPresent())
                .orElse(true);
    }

    /**
     * {@code event}'s reply, inside the in-flight count (already taken), as {@link #handle(VoiceEvent)} gives it;
     * {@code before} is what the same request was when it was answered before.
     */
    private CompletionStage<HttpResponse> answer(
            HttpRequest request,
            VoiceEvent event,
            AnsweredWebhooks.Request asked,
            Optional<AnsweredWebhooks.Answered> before) {
        long admittedAt = System.nanoTime();
        observe(event);
        CompletionStage<EventReply> reply;
        try {
            reply = useCase.handle(event);
        } catch (RuntimeException failure) {
            reply = CompletableFuture.failedFuture(failure);
        }
        // On the completing thread: the reply goes on to the connection without another hand-off.
        return reply.handleAsync(
                (answered, failure) -> {
                    long took = System.nanoTime() - admittedAt;
                    inFlight.release(took);
                    HttpResponse response =
                            failure == null ? respond(asked, before, event, answered) : failed(request, failure);
                    if (!response.status().isSuccess()) {
                        monitor.refusedWebhook(request, response, Duration.ofNanos(took));
                    }
                    return response;
                },
                Runnable::run);
    }

    /** What {@link ProblemExceptionHandler} answers for a failure of the use case. */
    private HttpResponse failed(HttpRequest request, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof AdmissionRefusedException refused
                ? problems.render(ProblemExceptionHandler.admissionRefused(refused), retryAfter)
                : problems.render(
                        ProblemExceptionHandler.unexpected(request.getUri().path(), cause), retryAfter);
    }

    /**
     * What a connection past {@link AdmissionLimits#maxConnections()} gets until a slot is free: health checks as
     * ever, every other request 503 with {@code Retry-After} at once. The connection stays open, so the retry costs
     * no new connection, and is served once a slot is free.
     */
    public Route refusingRoute() {
        return concat(healthRoutes(), extractRequest(request -> {
                    monitor.connectionRefused();
                    return complete(problems.render(
                            Problem.of(ProblemType.SERVICE_UNAVAILABLE, "Too many connections; retry"), retryAfter));
                }))
                .seal(ProblemRejectionHandler.create(problems), exceptionHandler);
    }

    private Route healthRoutes() {
        Route live = get(() -> complete(health(readiness.isLive())));
        Route ready = get(() -> complete(health(readiness.isReady())));
        Route probes = concat(path("live", () -> live), path("ready", () -> ready));
        return pathPrefix("health", () -> probes);
    }

    private static HttpResponse health(boolean up) {
        return HttpResponse.create()
                .withStatus(up ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE)
                .withEntity(ContentTypes.APPLICATION_JSON, up ? "{\"status\":\"up\"}" : "{\"status\":\"down\"}");
    }

    private Route webhookRoutes() {
        Route sharedUrl = webhook(body -> handle(decoder.decode(body)), query -> handle(decoder.decode(query)));
        Map<VoiceChannel, Route> channelUrls = new EnumMap<>(VoiceChannel.class);
        for (VoiceChannel channel : VoiceChannel.values()) {
            channelUrls.put(
                    channel,
                    webhook(
                            body -> handle(decoder.decode(channel, body)),
                            query -> handle(decoder.decode(channel, query))));
        }
        return concat(
                pathEndOrSingleSlash(() -> sharedUrl),
                path(
                        PathMatchers.segment(),
                        name -> VoiceChannel.forPath(name)
                                .map(channelUrls::get)
                                .orElseGet(() -> unknownChannel(name))));
    }

    /** A webhook POSTed as JSON, or sent as a GET with its fields as query parameters. */
    private Route webhook(Function<byte[], Route> posted, Function<List<Map.Entry<String, String>>, Route> got) {
        Route postedRoute = jsonBody(posted);
        Route gotRoute = parameterList(got);
        return concat(post(() -> postedRoute), get(() -> gotRoute));
    }

    /**
     * At most as many webhooks at once as the in-flight limit allows (never more than {@code maxInFlight}); past
     * it, an immediate 503 asks Bandwidth to retry later rather than letting requests pile up and miss the reply
     * deadline. The count drops when the response is ready, whatever it is, and the time it took adapts the limit.
     */
    private Route limited(Route inner) {
        Route guarded = handleExceptions(exceptionHandler, () -> inner);
        return extractRequest(request -> extractMaterializer(materializer -> {
            long admittedAt = System.nanoTime();
            if (!inFlight.tryAcquire()) {
                monitor.shed();
                // Unread, its body would hold the connection's next request back.
                request.discardEntityBytes(materializer);
                return complete(problems.render(
                        Problem.of(ProblemType.SERVICE_UNAVAILABLE, "Too many webhooks in flight; retry"), retryAfter));
            }
            return mapRouteResultFuture(
                    // On the completing thread: the stage comes from a Scala future, whose plain whenComplete
                    // would run on the JDK's default executor, a new thread per call on two cores.
                    result -> result.whenCompleteAsync(
                            (done, failed) -> inFlight.release(System.nanoTime() - admittedAt), Runnable::run),
                    // Failures become responses inside the count, so every request that counts also uncounts.
                    () -> guarded);
        }));
    }

    /** Bandwidth sends the first request without credentials and resends only after the 401 challenge. */
    private Route authenticated(Route inner) {
        return settings.credentials()
                .map(expected -> authenticateBasic(
                        settings.realm(),
                        provided -> provided.filter(expected::matches).map(ProvidedCredentials::identifier),
                        username -> inner))
                .orElse(inner);
    }

    /**
     * Reads a JSON body of at most the configured size (413 past it); any other content type is a 415. A body that
     * was still arriving with its headers has been read whole by the server first, within the body timeout and
     * {@code max-content-length}, which stops it at the same size ({@link WebhookServer}).
     */
    private Route jsonBody(Function<byte[], Route> inner) {
        Route read = entity(JSON_BYTES, inner);
        return withSizeLimit(settings.maxBodyBytes(), () -> read);
    }

    private Route handle(DecodedWebhook decoded) {
        return decoded.event().map(this::handle).orElseGet(() -> acknowledgeUnattributed(decoded.eventType()));
    }

    /** A type Bandwidth added after this release, naming no call or conference: nothing to keep it on. */
    private Route acknowledgeUnattributed(String eventType) {
        log.warn("Acknowledged a webhook of unrecognized eventType '{}' naming no call or conference", eventType);
        monitor.unattributedEvent(eventType);
        return complete(EMPTY_OK);
    }

    private Route handle(VoiceEvent event) {
        observe(event);
        // onSuccess, not thenApply: the JDK's common pool starves on small machines (a new thread per task).
        return onSuccess(useCase.handle(event), reply -> complete(render(event, reply)));
    }

    private void observe(VoiceEvent event) {
        if (event instanceof UnrecognizedCallEvent || event instanceof UnrecognizedConferenceEvent) {
            log.warn(
                    "Recorded a webhook of unrecognized eventType '{}' on {} {}",
                    event.eventType(),
                    event.entityIdName(),
                    event.entityId());
            monitor.unrecognizedEvent(event.eventType());
        }
        Map<String, String> unparsed = event instanceof CallEvent call
                ? call.call().unparsedFields()
                : event instanceof ConferenceEvent conference
                        ? conference.conference().unparsedFields()
                        : Map.of();
        if (!unparsed.isEmpty()) {
            monitor.unparsedFields(event.eventType(), unparsed.keySet());
        }
    }

    /**
     * {@link #render}, but the BXML written for this very request before is not written again when the reply's
     * document is the same one; and a reply that is the event's for good is kept for the request's redeliveries.
     */
    private HttpResponse respond(
            AnsweredWebhooks.Request asked,
            Optional<AnsweredWebhooks.Answered> before,
            VoiceEvent event,
            EventReply reply) {
        Optional<ByteString> writtenBefore = before.flatMap(answered -> answered.writtenFor(reply.response()));
        if (writtenBefore.isPresent()) {
            return bxml(writtenBefore.get());
        }
        if (!reply.origin().isRemembered()) {
            return render(event, reply);
        }
        // Without a document there is nothing to write again: a request known already is not stored again.
        if (reply.bxml().isEmpty() && before.isEmpty()) {
            answeredWebhooks.answered(asked, event, null, null);
        }
        return render(event, reply, written -> answeredWebhooks.answered(asked, event, reply.response(), written));
    }

    private HttpResponse render(VoiceEvent event, EventReply reply) {
        return render(event, reply, written -> {});
    }

    /** The reply's response; {@code written} is given the BXML written for its document, when it could be. */
    private HttpResponse render(VoiceEvent event, EventReply reply, Consumer<ByteString> written) {
        if (reply.origin() == ReplyOrigin.NOT_STORED) {
            // Nothing was kept: Bandwidth retries, then uses the application's fallback URL.
            return problems.render(
                    Problem.of(ProblemType.SERVICE_UNAVAILABLE, "The event could not be stored; retry"), retryAfter);
        }
        return reply.bxml()
                .map(response -> renderBxml(event, response, written))
                .orElse(EMPTY_OK);
    }

    /** The flow's BXML; if it cannot be written (a rule of BXML broken, over 64 KB), the fallback instead. */
    private HttpResponse renderBxml(VoiceEvent event, Response response, Consumer<ByteString> written) {
        try {
            ByteString document = ByteString.fromString(bxmlWriter.write(response), StandardCharsets.UTF_8);
            written.accept(document);
            return bxml(document);
        } catch (RuntimeException unrenderable) {
            try (var ignored = MDC.putCloseable(event.entityIdName(), event.entityId())) {
                log.error(
                        "The reply to {} of {} {} cannot be sent as BXML ({}); answering with the fallback",
                        event.eventType(),
                        event.entityIdName(),
                        event.entityId(),
                        unrenderable.getMessage());
            }
            monitor.replyReplacedByFallback(event.eventType());
            return fallback.replyTo(event, ReplyOrigin.INVALID_BXML).bxml().isPresent() ? bxml(fallbackBxml) : EMPTY_OK;
        }
    }

    private static HttpResponse bxml(ByteString document) {
        return HttpResponse.create().withEntity(BXML, document);
    }

    private Route unknownChannel(String name) {
        return complete(
                problems.render(Problem.of(ProblemType.UNKNOWN_CHANNEL, "Known channels: " + VoiceChannel.knownPaths())
                        .withChannel(name.length() <= 64 ? name : name.substring(0, 64) + "...")));
    }
}
