package io.switchboard.adapters.http;

import akka.actor.typed.ActorSystem;
import akka.http.javadsl.ConnectionContext;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.ServerBuilder;
import akka.http.javadsl.server.Route;
import io.switchboard.adapters.http.problem.ParseErrorHandler;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Binds the webhook routes at the configured address and unbinds them when the actor system shuts down. */
public final class WebhookServer {
    private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);

    private WebhookServer() {}

    /**
     * Binds {@code routes} at the host and port of their settings, speaking HTTPS when they hold TLS settings.
     *
     * @param hardTerminationDeadline how long coordinated shutdown lets in-flight webhooks finish before
     *                                their connections are closed
     */
    public static CompletionStage<ServerBinding> start(
            ActorSystem<?> system, VoiceWebhookRoutes routes, Duration hardTerminationDeadline) {
        return start(system, routes.settings(), routes.route(), hardTerminationDeadline);
    }

    /**
     * Binds {@code route} (the webhook routes composed with what shares their port: the admin API) at the host
     * and port of {@code settings}, over HTTPS when they name a keystore.
     */
    public static CompletionStage<ServerBinding> start(
            ActorSystem<?> system, HttpSettings settings, Route route, Duration hardTerminationDeadline) {
        ServerBuilder server = Http.get(system)
                .newServerAt(settings.host(), settings.port())
                .adaptSettings(defaults -> defaults.withParsingErrorHandler(ParseErrorHandler.class.getName()));
        if (settings.tls().isPresent()) {
            server = server.enableHttps(
                    ConnectionContext.httpsServer(settings.tls().get().serverContext()));
        }
        return server.bind(route)
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
}
