package io.switchboard.adapters.http;

import akka.actor.typed.ActorSystem;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.server.Route;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the operators' endpoint on its own port: Akka Management's routes (readiness and liveness probes, the
 * read-only cluster routes, Cluster Bootstrap's contact point) and the Prometheus metrics. It stays separate
 * from the webhook port, which faces Bandwidth, so it can stay on loopback or a pod-internal address.
 */
public final class ManagementServer {
    private static final Logger log = LoggerFactory.getLogger(ManagementServer.class);

    private ManagementServer() {}

    /** Binds {@code routes} at {@code host:port}; port 0 picks a free one. Unbound by coordinated shutdown. */
    public static CompletionStage<ServerBinding> start(
            ActorSystem<?> system, String host, int port, Route routes, Duration hardTerminationDeadline) {
        return Http.get(system)
                .newServerAt(host, port)
                .bind(routes)
                // Async on the system's dispatcher: the stage Akka returns would otherwise use commonPool.
                .thenApplyAsync(
                        binding -> {
                            binding.addToCoordinatedShutdown(hardTerminationDeadline, system);
                            log.info("Management endpoint listening on {}", binding.localAddress());
                            return binding;
                        },
                        system.executionContext());
    }
}
