package io.switchboard.adapters.http;

import akka.actor.typed.ActorSystem;
import akka.http.javadsl.ConnectionContext;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.ServerBuilder;
import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.Directives;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.settings.ServerSettings;
import akka.japi.function.Function;
import akka.stream.ActorAttributes;
import akka.stream.Materializer;
import akka.stream.Supervision;
import akka.stream.javadsl.Flow;
import akka.stream.javadsl.Keep;
import akka.stream.javadsl.Sink;
import io.switchboard.adapters.http.json.WebhookObjectMapper;
import io.switchboard.adapters.http.problem.ParseErrorHandler;
import io.switchboard.adapters.http.problem.ProblemExceptionHandler;
import io.switchboard.adapters.http.problem.ProblemRejectionHandler;
import io.switchboard.adapters.http.problem.ProblemRenderer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.DurationConverters;

/** Binds the webhook routes at the configured address and unbinds them when the actor system shuts down. */
public final class WebhookServer {
    private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);

    private WebhookServer() {}

    /** Requests answered before the routes see them; empty for those the routes answer. */
    @FunctionalInterface
    public interface DirectAnswers {

        Optional<CompletionStage<HttpResponse>> answer(HttpRequest request);

        /** A handler that answers directly what it can, and hands the rest to {@code routed}. */
        default Function<HttpRequest, CompletionStage<HttpResponse>> ahead(
                Function<HttpRequest, CompletionStage<HttpResponse>> routed) {
            return request -> {
                Optional<CompletionStage<HttpResponse>> answered = answer(request);
                return answered.isPresent() ? answered.get() : routed.apply(request);
            };
        }
    }

    /** Where connections are accepted and their streams started: a thread of its own (reference.conf). */
    static final String ACCEPT_DISPATCHER = "switchboard.http.accept-dispatcher";

    /**
     * Binds {@code routes} at the host and port of their settings, speaking HTTPS when they hold TLS settings.
     *
     * @param hardTerminationDeadline how long coordinated shutdown lets in-flight webhooks finish before
     *                                their connections are closed
     */
    public static CompletionStage<ServerBinding> start(
            ActorSystem<?> system, VoiceWebhookRoutes routes, Duration hardTerminationDeadline) {
        return start(
                system,
                routes.settings(),
                routes::answerDirectly,
                routes.route(),
                routes.refusingRoute(),
                hardTerminationDeadline);
    }

    /**
     * Binds {@code route} (the webhook routes composed with what shares their port: the admin API), behind
     * {@code direct} (the common webhook answered without the routing DSL), at the host
     * and port of {@code settings}, over HTTPS when they name a keystore. Every body {@code route} reads has arrived
     * whole first, within the settings' {@link AdmissionLimits#bodyTimeout()}. Connections past the settings'
     * {@link AdmissionLimits#maxConnections()} have their requests answered by {@code refusing} until a slot is free;
     * past {@code akka.http.server.max-connections} in all, no more connections are accepted (the kernel's queue,
     * {@code akka.http.server.backlog}, holds them).
     */
    public static CompletionStage<ServerBinding> start(
            ActorSystem<?> system,
            HttpSettings settings,
            DirectAnswers direct,
            Route route,
            Route refusing,
            Duration hardTerminationDeadline) {
        ServerBuilder server = Http.get(system)
                .newServerAt(settings.host(), settings.port())
                .adaptSettings(defaults -> defaults.withParsingErrorHandler(ParseErrorHandler.class.getName())
                        // Every route here answers by its own deadlines, and bodies by the admission's body timeout:
                        // akka-http's request timeout would only add a timer per webhook to Akka's scheduler.
                        .withTimeouts(
                                defaults.getTimeouts().withRequestTimeout(scala.concurrent.duration.Duration.Inf())));
        if (settings.tls().isPresent()) {
            server = server.enableHttps(
                    ConnectionContext.httpsServer(settings.tls().get().serverContext()));
        }
        Materializer materializer = Materializer.matFromSystem(system);
        Function<HttpRequest, CompletionStage<HttpResponse>> served =
                direct.ahead(withBodiesWhole(route, settings).handler(system));
        Function<HttpRequest, CompletionStage<HttpResponse>> refused = refusing.handler(system);
        ServedConnections slots = new ServedConnections(settings.admission().maxConnections());
        int maxAccepted = ServerSettings.create(system.settings().config()).getMaxConnections();
        return server.connectionSource()
                .mapAsyncUnordered(maxAccepted, connection -> {
                    ServedConnections.Slot slot = slots.newConnection();
                    // One request at a time (akka.http.server.pipelining-limit = 1): each asks for a slot until it
                    // holds one, so a connection refused once is served once a slot is free, without reconnecting.
                    return connection
                            .handleWith(
                                    Flow.<HttpRequest>create()
                                            .mapAsync(1, request -> {
                                                if (slot.hold()) {
                                                    return served.apply(request);
                                                }
                                                // Unread, its body would hold the connection's next request back.
                                                request.discardEntityBytes(materializer);
                                                return refused.apply(request);
                                            })
                                            .watchTermination(Keep.right()),
                                    materializer)
                            // On the completing thread: nothing here to hand to another executor.
                            .whenCompleteAsync((closed, failure) -> slot.release(), Runnable::run);
                })
                // A connection that fails is over like one that closes: it leaves the count and the stream goes on.
                .withAttributes(ActorAttributes.withSupervisionStrategy(Supervision.getResumingDecider()))
                // Accepted one at a time, each after a message to this stage: on the default dispatcher that message
                // waits behind the admitted webhooks' work, and new connections pile up in the kernel's queue.
                .async(ACCEPT_DISPATCHER)
                .to(Sink.ignore())
                .run(materializer)
                // Async on the system's dispatcher: the stage Akka returns would otherwise use commonPool.
                .thenApplyAsync(
                        binding -> {
                            binding.addToCoordinatedShutdown(hardTerminationDeadline, system);
                            log.info(
                                    "Webhook server listening on {} ({}), basic auth {}",
                                    binding.localAddress(),
                                    settings.tls().isPresent() ? "https" : "http",
                                    settings.credentials().isPresent() ? "required" : "off");
                            return binding;
                        },
                        system.executionContext())
                .whenCompleteAsync(
                        (binding, failure) -> {
                            if (failure != null) {
                                log.error(
                                        "Webhook server could not bind {}:{}",
                                        settings.host(),
                                        settings.port(),
                                        failure);
                            }
                        },
                        system.executionContext());
    }

    /**
     * {@code route} given each request's body whole, read within the body timeout: past it the request gets a 408
     * problem and its connection closes, the rest of its body unread. Without it a body that trickles in would hold
     * a served connection until the idle timeout, since this port has no request timeout. A body that came whole,
     * as Bandwidth's do, costs no timer.
     */
    private static Route withBodiesWhole(Route route, HttpSettings settings) {
        Route readWhole = Directives.toStrictEntity(
                DurationConverters.toScala(settings.admission().bodyTimeout()), () -> route);
        ProblemRenderer problems = new ProblemRenderer(WebhookObjectMapper.create(settings.payloadLimits()));
        return Directives.extractRequestEntity(entity -> entity instanceof HttpEntity.Strict ? route : readWhole)
                .seal(
                        ProblemRejectionHandler.create(problems),
                        ProblemExceptionHandler.create(problems, settings.retryAfter()));
    }
}
