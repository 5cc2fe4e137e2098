package io.switchboard.bootstrap;

import akka.Done;
import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.http.javadsl.ServerBinding;
import com.typesafe.config.Config;
import io.switchboard.adapters.http.HttpSettings;
import io.switchboard.adapters.http.VoiceWebhookRoutes;
import io.switchboard.adapters.http.WebhookCredentials;
import io.switchboard.adapters.http.TlsSettings;
import io.switchboard.adapters.http.WebhookServer;
import io.switchboard.adapters.http.json.PayloadLimits;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Wires the service: the actor system joins its cluster, the shard regions start, then the webhook server binds. */
public final class SwitchboardService {

    /** A started service: its actor system and the bound webhook server. */
    public record Running(ActorSystem<Void> system, ServerBinding binding) {
        public int port() {
            return binding.localAddress().getPort();
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
        ClusterMembership.joinSelfUnlessSeeded(system);
        EntityRegistration.init(system, callFlow, conferenceFlow, settings);
        HandleVoiceEventUseCase handler = new ShardedVoiceEventHandler(system, settings, List.of());
        Config httpConfig = config.getConfig("switchboard.http");
        HttpSettings http = httpSettings(httpConfig).withPublicUrl(config.getString("switchboard.public-url"));
        VoiceWebhookRoutes routes = new VoiceWebhookRoutes(handler, new ClusterReadiness(system),
                settings.entity().fallback(), http);
        return WebhookServer.start(system, routes, httpConfig.getDuration("shutdown-deadline"))
                .thenApply(binding -> new Running(system, binding))
                .whenComplete((running, failure) -> {
                    if (failure != null) {
                        system.log().error("could not bind {}:{}; shutting down", http.host(), http.port(), failure);
                        system.terminate();
                    }
                });
    }

    static HttpSettings httpSettings(Config http) {
        String user = http.getString("webhook-user");
        String password = http.getString("webhook-password");
        Optional<WebhookCredentials> credentials = user.isEmpty() && password.isEmpty()
                ? Optional.empty()
                : Optional.of(new WebhookCredentials(user, password));
        Config limits = http.getConfig("limits");
        PayloadLimits payload = new PayloadLimits(http.getBytes("max-body-size"), limits.getInt("max-id-length"),
                limits.getInt("json.max-nesting-depth"), limits.getInt("json.max-number-length"),
                limits.getInt("json.max-string-length"), limits.getInt("json.max-name-length"));
        String keystore = http.getString("tls.keystore");
        Optional<TlsSettings> tls = keystore.isEmpty() ? Optional.empty()
                : Optional.of(new TlsSettings(Path.of(keystore), http.getString("tls.keystore-password"),
                        http.getString("tls.keystore-type")));
        return new HttpSettings(http.getString("host"), http.getInt("port"), credentials, http.getString("realm"),
                payload, limits.getInt("max-in-flight"), limits.getDuration("retry-after"), Optional.empty(), tls);
    }
}
