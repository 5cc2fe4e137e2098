package io.switchboard.bootstrap;

import akka.Done;
import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.server.Route;
import akka.management.cluster.bootstrap.ClusterBootstrap;
import akka.management.javadsl.AkkaManagement;
import com.typesafe.config.Config;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.http.HttpSettings;
import io.switchboard.adapters.http.ManagementServer;
import io.switchboard.adapters.http.VoiceWebhookRoutes;
import io.switchboard.adapters.http.WebhookCredentials;
import io.switchboard.adapters.http.WebhookServer;
import io.switchboard.adapters.http.json.WebhookObjectMapper;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.application.port.in.HandleVoiceEventUseCase;
import io.switchboard.application.sharding.ClusterMembership;
import io.switchboard.application.sharding.ClusterReadiness;
import io.switchboard.application.sharding.EntityRegistration;
import io.switchboard.application.sharding.ShardedVoiceEventHandler;
import io.switchboard.bootstrap.demo.DemoConferenceFlow;
import io.switchboard.bootstrap.demo.DemoIvrFlow;
import io.switchboard.bootstrap.demo.DemoSettings;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.conference.ConferenceFlow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Wires the service: the actor system enters its cluster (Cluster Bootstrap, seed nodes, or itself), the shard
 * regions start, then the webhook server and the management endpoint bind.
 */
public final class SwitchboardService {

    /** A started service: its actor system and its two bound servers. */
    public record Running(ActorSystem<Void> system, ServerBinding binding, ServerBinding management) {
        public int port() {
            return binding.localAddress().getPort();
        }

        public int managementPort() {
            return management.localAddress().getPort();
        }

        /** Runs coordinated shutdown: stop accepting, finish in-flight replies, hand shards over, leave the cluster. */
        public CompletionStage<Done> stop() {
            return CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.unknownReason());
        }
    }

    private SwitchboardService() {
    }

    /** Starts the service with the embedded demo IVR. */
    public static CompletionStage<Running> startDemo(Config config) {
        return start(config, new DemoIvrFlow(DemoSettings.from(config)), new DemoConferenceFlow());
    }

    /** Starts the service with your own flows. */
    public static CompletionStage<Running> start(Config config, CallFlow callFlow, ConferenceFlow conferenceFlow) {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "switchboard", config);
        SwitchboardSettings settings = SwitchboardSettings.from(config);
        // First, so that the node becomes Up while the rest is built.
        joinCluster(system, config);
        EntityRegistration.init(system, callFlow, conferenceFlow, settings);
        // Building Akka Management's routes also tells Cluster Bootstrap its own contact point.
        Route managementRoutes = AkkaManagement.get(system).getRoutes();
        HandleVoiceEventUseCase handler = new ShardedVoiceEventHandler(system, settings, List.of());
        Config httpConfig = config.getConfig("switchboard.http");
        HttpSettings http = httpSettings(httpConfig);
        Duration shutdownDeadline = httpConfig.getDuration("shutdown-deadline");
        VoiceWebhookRoutes routes = new VoiceWebhookRoutes(handler, new ClusterReadiness(system), new BxmlWriter(),
                WebhookObjectMapper.create(), http);
        Config management = config.getConfig("akka.management.http");
        CompletionStage<ServerBinding> managementBinding = ManagementServer.start(system,
                management.getString("hostname"), management.getInt("port"), managementRoutes, shutdownDeadline);
        return WebhookServer.start(system, routes, shutdownDeadline)
                .thenCombineAsync(managementBinding, (webhooks, operations) -> new Running(system, webhooks, operations),
                        system.executionContext())
                .whenComplete((running, failure) -> {
                    if (failure != null) {
                        system.log().error("could not bind the webhook port {}:{} or the management port {}:{};"
                                        + " shutting down", http.host(), http.port(), management.getString("hostname"),
                                management.getInt("port"), failure);
                        system.terminate();
                    }
                });
    }

    /**
     * Cluster Bootstrap when configured; otherwise the seed nodes, or with none a cluster of this node alone, at
     * once: the single node is ready without waiting for discovery.
     */
    private static void joinCluster(ActorSystem<?> system, Config config) {
        if (config.getBoolean("switchboard.cluster.bootstrap")) {
            ClusterBootstrap.get(system).start();
        } else {
            ClusterMembership.joinSelfUnlessSeeded(system);
        }
    }

    static HttpSettings httpSettings(Config http) {
        String user = http.getString("webhook-user");
        String password = http.getString("webhook-password");
        Optional<WebhookCredentials> credentials = user.isEmpty() && password.isEmpty()
                ? Optional.empty()
                : Optional.of(new WebhookCredentials(user, password));
        return new HttpSettings(http.getString("host"), http.getInt("port"), credentials, http.getString("realm"),
                http.getBytes("max-body-size"));
    }
}
