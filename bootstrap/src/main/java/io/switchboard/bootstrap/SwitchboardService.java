package io.switchboard.bootstrap;

import static akka.http.javadsl.server.Directives.concat;
import static akka.http.javadsl.server.Directives.onSuccess;

import akka.Done;
import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.Cluster;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.server.Route;
import akka.management.cluster.bootstrap.ClusterBootstrap;
import akka.management.javadsl.AkkaManagement;
import com.typesafe.config.Config;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.switchboard.adapters.bandwidth.BandwidthSettings;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.http.AdmissionLimits;
import io.switchboard.adapters.http.AnsweredWebhookLimits;
import io.switchboard.adapters.http.HttpSettings;
import io.switchboard.adapters.http.ManagementServer;
import io.switchboard.adapters.http.TlsSettings;
import io.switchboard.adapters.http.VoiceWebhookRoutes;
import io.switchboard.adapters.http.WebhookCredentials;
import io.switchboard.adapters.http.WebhookServer;
import io.switchboard.adapters.http.admin.AdminQueries;
import io.switchboard.adapters.http.admin.AdminRoutes;
import io.switchboard.adapters.http.admin.AdminSettings;
import io.switchboard.adapters.http.json.PayloadLimits;
import io.switchboard.adapters.http.json.WebhookObjectMapper;
import io.switchboard.adapters.http.metrics.MetricsRoutes;
import io.switchboard.adapters.http.metrics.ReplyHistory;
import io.switchboard.adapters.http.metrics.WebhookTelemetry;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.application.activity.ActivitySettings;
import io.switchboard.application.activity.ClusterActivity;
import io.switchboard.application.durability.JournalHealth;
import io.switchboard.application.flow.BoundedSideWork;
import io.switchboard.application.port.in.ClusterShapeQuery;
import io.switchboard.application.port.in.HandleVoiceEventUseCase;
import io.switchboard.application.port.out.VoiceEventListener;
import io.switchboard.application.sharding.ClusterMembership;
import io.switchboard.application.sharding.ClusterReadiness;
import io.switchboard.application.sharding.EntityRegistration;
import io.switchboard.application.sharding.ShardedEntityQuery;
import io.switchboard.application.sharding.ShardedVoiceEventHandler;
import io.switchboard.application.sharding.ShardingClusterShape;
import io.switchboard.application.sharding.WarmUpEntities;
import io.switchboard.bootstrap.demo.DemoConferenceFlow;
import io.switchboard.bootstrap.demo.DemoIvrFlow;
import io.switchboard.bootstrap.demo.DemoSettings;
import io.switchboard.domain.call.ApplicationFlows;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.control.CallControl;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Wires the service: the actor system enters its cluster (Cluster Bootstrap, seed nodes, or itself), the
 * journal's database is made ready (durable mode), the webhook server binds, the shard regions start with the
 * callback URLs of this service's own public URL, then the management endpoint binds. Nothing is kept outside the
 * started service, so services may share a JVM.
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

    private SwitchboardService() {}

    /** Starts the service with the embedded demo IVR. */
    public static CompletionStage<Running> startDemo(Config config) {
        return start(
                config,
                new DemoIvrFlow(DemoSettings.from(config)),
                DemoConferenceFlow.from(config, CallControlConfig.configured(config)));
    }

    /** Starts the service with your own flows. */
    public static CompletionStage<Running> start(Config config, CallFlow callFlow, ConferenceFlow conferenceFlow) {
        return start(config, ApplicationFlows.only(callFlow), conferenceFlow);
    }

    /** Starts the service with a call flow per Bandwidth application (and a default one), and a conference flow. */
    public static CompletionStage<Running> start(
            Config config, ApplicationFlows callFlows, ConferenceFlow conferenceFlow) {
        // Settings first: a wrong one is refused before anything starts.
        SwitchboardConfig.validated(config);
        SwitchboardSettings settings = SwitchboardSettings.from(config);
        Config httpConfig = config.getConfig("switchboard.http");
        // Redeliveries are recognised by their bytes at the edge as long as by their event behind it.
        HttpSettings http = httpSettings(httpConfig)
                .withAnswered(
                        new AnsweredWebhookLimits(settings.answeredEventsKept(), settings.answeredEventsKeptFor()));
        Optional<WebhookCredentials> adminCredentials = adminCredentials(config, http);
        // Checked now; made again once the public URL is known.
        CallControlConfig.settings(config);
        Duration shutdownDeadline = httpConfig.getDuration("shutdown-deadline");
        Optional<JournalStore> store =
                settings.durability().journaled() ? Optional.of(JournalStore.from(config)) : Optional.empty();
        store.ifPresent(journal -> journal.requireSingleNode(config));
        store.ifPresent(JournalStore::recoverNewestSave);

        ActorSystem<Void> system = ActorSystem.create(
                Behaviors.empty(),
                "switchboard",
                store.map(journal -> journal.applyTo(config)).orElse(config));
        // First, so that the node becomes Up while the rest is built.
        joinCluster(system, config);
        // Meanwhile too: the warm-up needs its own routes and entities, and the node to be a member; not the
        // journal, the port or the served entities.
        CompletionStage<Done> warmedUp = warmUp(system, config, settings, http, callFlows);
        CompletionStage<Done> storeReady = store.map(journal -> journal.prepare(system))
                .orElseGet(() -> CompletableFuture.completedFuture(Done.getInstance()));
        return storeReady
                .thenComposeAsync(
                        ready -> {
                            store.ifPresentOrElse(
                                    journal -> system.log()
                                            .info("durable entities: each answered event is stored in {}", journal),
                                    () -> system.log()
                                            .info("entities in memory: a call that moves to another node or"
                                                    + " outlives a restart starts afresh"));
                            return serve(
                                    system,
                                    config,
                                    settings,
                                    http,
                                    adminCredentials,
                                    shutdownDeadline,
                                    callFlows,
                                    conferenceFlow);
                        },
                        system.executionContext())
                // Started once warm: ready from then on. A start that failed has failed, warm-up or not.
                .thenComposeAsync(running -> warmedUp.thenApplyAsync(warmed -> running, Runnable::run), Runnable::run)
                .whenCompleteAsync(
                        (running, failure) -> {
                            if (failure != null) {
                                system.log().error("could not start: {}; shutting down", failure.getMessage(), failure);
                                system.terminate();
                            } else {
                                warmConnections(system, config, http, running.binding());
                            }
                        },
                        system.executionContext());
    }

    /**
     * The webhook port first, its routes to come: only once it is bound is its port, and so this service's own
     * public URL, known. Then the entities and the routes (requests that arrived meanwhile wait for them), then the
     * management port, whose Cluster Bootstrap routes a forming cluster needs. Neither port waits for the warm-up:
     * the node is not ready until it is over ({@link WarmUpState}).
     */
    private static CompletionStage<Running> serve(
            ActorSystem<Void> system,
            Config config,
            SwitchboardSettings settings,
            HttpSettings http,
            Optional<WebhookCredentials> adminCredentials,
            Duration shutdownDeadline,
            ApplicationFlows callFlows,
            ConferenceFlow conferenceFlow) {
        CompletableFuture<Route> webhookRoutes = new CompletableFuture<>();
        CompletableFuture<Route> refusingRoute = new CompletableFuture<>();
        CompletableFuture<VoiceWebhookRoutes> directAnswers = new CompletableFuture<>();
        return WebhookServer.start(
                        system,
                        http,
                        // Until the routes exist (the port is bound first, for the public URL), the route waits.
                        request -> Optional.ofNullable(directAnswers.getNow(null))
                                .flatMap(voiceWebhooks -> voiceWebhooks.answerDirectly(request)),
                        onSuccess(webhookRoutes, route -> route),
                        onSuccess(refusingRoute, route -> route),
                        shutdownDeadline)
                .thenComposeAsync(
                        webhookServer -> {
                            String publicUrl = SwitchboardConfig.publicUrl(
                                    config, webhookServer.localAddress().getPort());
                            system.log().info("callbacks a flow leaves without a URL go to {}/voice", publicUrl);
                            HttpSettings served = http.withPublicUrl(publicUrl);
                            Routes routes = routes(
                                    system,
                                    config,
                                    settings,
                                    served,
                                    adminCredentials,
                                    CallControlConfig.settings(config, publicUrl),
                                    callFlows,
                                    conferenceFlow);
                            refusingRoute.complete(routes.refusing());
                            directAnswers.complete(routes.voiceWebhooks());
                            webhookRoutes.complete(routes.webhookPort());
                            return managementServer(system, config, routes.managementPort(), shutdownDeadline)
                                    .thenApplyAsync(
                                            managementServer -> new Running(system, webhookServer, managementServer),
                                            system.executionContext());
                        },
                        system.executionContext())
                .whenCompleteAsync(
                        (running, failure) -> {
                            if (failure != null) {
                                webhookRoutes.completeExceptionally(failure);
                            }
                        },
                        system.executionContext());
    }

    private static CompletionStage<ServerBinding> managementServer(
            ActorSystem<Void> system, Config config, Route routes, Duration shutdownDeadline) {
        Config management = config.getConfig("akka.management.http");
        return ManagementServer.start(
                system, management.getString("hostname"), management.getInt("port"), routes, shutdownDeadline);
    }

    /**
     * The warm-up ({@link WarmUp}), logged; none when its duration is zero. It starts as soon as the node is a member
     * of its cluster (its own entities need their shards' homes), while the rest of the node starts (the journal,
     * the ports, the served entities), and the node reports ready only once it is over.
     */
    private static CompletionStage<Done> warmUp(
            ActorSystem<Void> system,
            Config config,
            SwitchboardSettings settings,
            HttpSettings http,
            ApplicationFlows callFlows) {
        Duration maxDuration = WarmUp.maxDuration(config);
        WarmUpState state = WarmUpState.get(system);
        // Made on a dispatcher's thread too: the start goes on meanwhile. The types start even for no warm-up, as
        // the oldest node runs their coordinators for every node's warm-up.
        CompletableFuture<HandleVoiceEventUseCase> warmUpEntities = CompletableFuture.supplyAsync(
                () -> WarmUpEntities.start(
                        system, settings, callFlows.defaultFlow().mayBlock()),
                system.executionContext());
        if (maxDuration.isZero()) {
            state.over();
            return warmUpEntities.thenApplyAsync(started -> Done.getInstance(), Runnable::run);
        }
        return warmUpEntities
                .thenApplyAsync(
                        entities -> new WarmUp(system, http, settings.entity().fallback(), entities), Runnable::run)
                // On a dispatcher: the member's callback runs on the cluster's own.
                .thenCombineAsync(member(system), (warmUp, up) -> warmUp, system.executionContext())
                .thenComposeAsync(warmUp -> warmUp.run(maxDuration, WarmUp.untilRate(config)), Runnable::run)
                // Callbacks on the completing thread: they only log.
                .thenApplyAsync(
                        warmed -> {
                            logWarmUp(system, warmed);
                            return Done.getInstance();
                        },
                        Runnable::run)
                // A warm-up that fails costs the first webhooks their speed, never the start.
                .exceptionallyAsync(
                        failure -> {
                            system.log().warn("the warm-up failed, the node starts cold: {}", failure.toString());
                            return Done.getInstance();
                        },
                        Runnable::run)
                .thenApplyAsync(
                        over -> {
                            state.over();
                            return over;
                        },
                        Runnable::run);
    }

    /**
     * The connections' warm-up ({@link ConnectionWarmUp}) on the bound webhook port, in the background once the node
     * is ready, logged; none for a count of zero, or over HTTPS.
     */
    private static void warmConnections(
            ActorSystem<Void> system, Config config, HttpSettings http, ServerBinding webhookServer) {
        ConnectionWarmUp warmUp = ConnectionWarmUp.configured(config, webhookServer.localAddress());
        if (!warmUp.any() || http.tls().isPresent()) {
            return;
        }
        warmUp.run()
                // On the completing thread: it only logs.
                .thenAcceptAsync(
                        warmed -> logWarmUp(
                                system,
                                warmed.answered(),
                                "warmed up: {} new connections to the webhook port in {} ms, {} answered 200",
                                warmed.connections(),
                                warmed.took().toMillis(),
                                warmed.answered()),
                        Runnable::run);
    }

    /** Completes once this node is an Up member of its cluster; fails if its actor system stops before. */
    private static CompletionStage<Done> member(ActorSystem<Void> system) {
        CompletableFuture<Done> member = new CompletableFuture<>();
        Cluster.get(system.classicSystem()).registerOnMemberUp(() -> member.complete(Done.getInstance()));
        system.getWhenTerminated()
                .whenCompleteAsync(
                        (terminated, failure) -> member.completeExceptionally(
                                new IllegalStateException("the node stopped before it was a member of its cluster")),
                        Runnable::run);
        return member;
    }

    private static void logWarmUp(ActorSystem<Void> system, WarmUp.Result warmed) {
        logWarmUp(
                system,
                warmed.answered(),
                "warmed up: {} webhooks of every channel through the warm-up's own entities in {} ms, {} answered 200,"
                        + " {}",
                warmed.webhooks(),
                warmed.took().toMillis(),
                warmed.answered(),
                warmed.atRate() ? "at the rate sought" : "its time up");
    }

    /**
     * At WARN when nothing was answered: no node runs the warm-up's coordinators yet (a rolling update), or the
     * webhook port could not be reached.
     */
    private static void logWarmUp(ActorSystem<Void> system, int answered, String line, Object... facts) {
        if (answered == 0) {
            system.log().warn(line, facts);
        } else {
            system.log().info(line, facts);
        }
    }

    /** The webhook port's routes, what answers there past its connection limit, and the management port's routes. */
    private record Routes(VoiceWebhookRoutes voiceWebhooks, Route webhookPort, Route refusing, Route managementPort) {}

    /** The entities, and the routes over them. */
    private static Routes routes(
            ActorSystem<Void> system,
            Config config,
            SwitchboardSettings settings,
            HttpSettings http,
            Optional<WebhookCredentials> adminCredentials,
            Optional<BandwidthSettings> bandwidth,
            ApplicationFlows callFlows,
            ConferenceFlow conferenceFlow) {
        PrometheusMeterRegistry registry = meterRegistry(system);
        CallControl callControl = CallControlConfig.callControl(bandwidth, registry);
        system.log()
                .info(bandwidth
                        .map(api -> "call control through " + api.apiUrl() + ", account " + api.accountId())
                        .orElse("call control is off: no SWITCHBOARD_BANDWIDTH_* credentials"));
        EntityRegistration.init(system, callFlows, conferenceFlow, callControl, settings);
        Optional<JournalHealth> journalHealth =
                settings.durability().journaled() ? Optional.of(JournalHealth.get(system)) : Optional.empty();
        journalHealth.ifPresent(health -> journalMetrics(registry, health));
        sideWorkMetrics(registry, BoundedSideWork.get(system));
        WebhookTelemetry telemetry = new WebhookTelemetry(registry);
        ClusterShapeQuery clusterShape = new ShardingClusterShape(system, settings);
        List<VoiceEventListener> listeners =
                new ArrayList<>(List.of(telemetry, new ApplicationTelemetry(callFlows, registry)));
        // The console's index and charts listen only when the admin API is on.
        Optional<AdminQueries> adminQueries =
                adminCredentials.map(admin -> adminQueries(system, config, settings, clusterShape, listeners));
        ShardedVoiceEventHandler handler = new ShardedVoiceEventHandler(system, settings, listeners);

        VoiceWebhookRoutes voiceWebhooks = new VoiceWebhookRoutes(
                handler,
                WarmUpState.get(system).gating(new ClusterReadiness(system, journalHealth)),
                settings.entity().fallback(),
                http,
                telemetry);
        Route webhooks = telemetry.observed(voiceWebhooks.route());
        Route webhookPort = adminCredentials
                .map(admin -> concat(
                        new AdminRoutes(
                                        adminQueries.orElseThrow(),
                                        () -> admin,
                                        new AdminSettings(
                                                config.getDuration("switchboard.admin.live-keep-alive"),
                                                config.getInt("switchboard.activity.live-buffer")),
                                        callControl,
                                        new BxmlWriter(http.callbackUrls()),
                                        WebhookObjectMapper.create())
                                .route(),
                        webhooks))
                .orElse(webhooks);
        // Building Akka Management's routes also tells Cluster Bootstrap its own contact point.
        Route managementPort = concat(
                new MetricsRoutes(registry, clusterShape, handler::eventsAwaitingReply)
                        .observing(handler)
                        .route(),
                AkkaManagement.get(system).getRoutes());
        return new Routes(
                voiceWebhooks, webhookPort, telemetry.observed(voiceWebhooks.refusingRoute()), managementPort);
    }

    /**
     * What the admin API and console ask: the entities, the cluster, the activity index and the reply history,
     * the last two added to {@code listeners}, as handled events feed them.
     */
    private static AdminQueries adminQueries(
            ActorSystem<?> system,
            Config config,
            SwitchboardSettings settings,
            ClusterShapeQuery clusterShape,
            List<VoiceEventListener> listeners) {
        Config historyConfig = config.getConfig("switchboard.admin.history");
        ClusterActivity activity =
                new ClusterActivity(system, ActivitySettings.from(config), settings.queryTimeout(), Clock.systemUTC());
        ReplyHistory history = new ReplyHistory(
                Clock.systemUTC(), historyConfig.getDuration("interval"), historyConfig.getInt("intervals"));
        listeners.add(activity);
        listeners.add(history);
        return new AdminQueries(new ShardedEntityQuery(system, settings), clusterShape, activity, history);
    }

    /** One registry per node, with the JVM's own metrics beside ours; the GC listener goes with the system. */
    private static PrometheusMeterRegistry meterRegistry(ActorSystem<?> system) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        // Not the system's dispatcher: it is gone once the system has terminated.
        system.getWhenTerminated().thenRunAsync(gc::close, Runnable::run);
        return registry;
    }

    /** Whether the journal stores, its outages, and the events answered 503 because it could not store them. */
    private static void journalMetrics(MeterRegistry registry, JournalHealth health) {
        Gauge.builder("switchboard.journal.storing", health, journal -> journal.storing() ? 1 : 0)
                .description("1 while the journal stores events, 0 during an outage (webhooks get 503)")
                .register(registry);
        FunctionCounter.builder("switchboard.journal.outages", health, JournalHealth::outages)
                .description("Times the journal stopped storing events")
                .register(registry);
        FunctionCounter.builder("switchboard.journal.unstored.events", health, JournalHealth::unstoredEvents)
                .description("Events answered 503 with Retry-After because the journal could not store them")
                .register(registry);
    }

    private static void sideWorkMetrics(MeterRegistry registry, BoundedSideWork sideWork) {
        Gauge.builder("switchboard.side.work.running", sideWork, BoundedSideWork::running)
                .description("Flows' side work running now (switchboard.side-work.max-concurrent)")
                .register(registry);
        Gauge.builder("switchboard.side.work.waiting", sideWork, BoundedSideWork::waiting)
                .description("Flows' side work waiting for its delay now (switchboard.side-work.max-delayed)")
                .register(registry);
        FunctionCounter.builder("switchboard.side.work.succeeded", sideWork, BoundedSideWork::succeeded)
                .description("Flows' side work that completed")
                .register(registry);
        FunctionCounter.builder("switchboard.side.work.failed", sideWork, BoundedSideWork::failed)
                .description("Flows' side work that threw, failed or timed out (logged with its call)")
                .register(registry);
        FunctionCounter.builder("switchboard.side.work.refused", sideWork, BoundedSideWork::refused)
                .description("Flows' side work refused: past a bound, or a delay over max-delay (logged)")
                .register(registry);
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
        Config limits = http.getConfig("limits");
        PayloadLimits payload = new PayloadLimits(
                http.getBytes("max-body-size"),
                limits.getInt("max-id-length"),
                limits.getInt("json.max-nesting-depth"),
                limits.getInt("json.max-number-length"),
                limits.getInt("json.max-string-length"),
                limits.getInt("json.max-name-length"));
        String keystore = http.getString("tls.keystore");
        Optional<TlsSettings> tls = keystore.isEmpty()
                ? Optional.empty()
                : Optional.of(new TlsSettings(
                        Path.of(keystore),
                        http.getString("tls.keystore-password"),
                        http.getString("tls.keystore-type")));
        return new HttpSettings(
                http.getString("host"),
                http.getInt("port"),
                credentials(http.getString("webhook-user"), http.getString("webhook-password")),
                http.getString("realm"),
                payload,
                limits.getInt("max-in-flight"),
                limits.getDuration("retry-after"),
                new AdmissionLimits(
                        limits.getInt("max-connections"),
                        limits.getInt("min-in-flight"),
                        limits.getDuration("reply-time-target"),
                        limits.getDuration("body-timeout")),
                Optional.empty(),
                tls,
                AnsweredWebhookLimits.DEFAULTS);
    }

    /** The admin API's credentials; none turns it off. Refused when they are the webhook's: Bandwidth has those. */
    static Optional<WebhookCredentials> adminCredentials(Config config, HttpSettings http) {
        Optional<WebhookCredentials> admin =
                credentials(config.getString("switchboard.admin.user"), config.getString("switchboard.admin.password"));
        if (admin.isPresent() && admin.equals(http.credentials())) {
            throw new IllegalArgumentException("SWITCHBOARD_ADMIN_USER/PASSWORD are the webhook's"
                    + " (SWITCHBOARD_WEBHOOK_USER/PASSWORD), which Bandwidth holds: give the admin API credentials of"
                    + " its own, or set neither to turn it off");
        }
        return admin;
    }

    /** Both empty: none; otherwise both must be given. */
    private static Optional<WebhookCredentials> credentials(String user, String password) {
        return user.isEmpty() && password.isEmpty()
                ? Optional.empty()
                : Optional.of(new WebhookCredentials(user, password));
    }
}
