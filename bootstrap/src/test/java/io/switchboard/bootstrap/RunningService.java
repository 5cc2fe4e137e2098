package io.switchboard.bootstrap;

import akka.Done;
import akka.actor.typed.ActorSystem;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.switchboard.adapters.http.simulator.HttpVoiceApi;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.conference.ConferenceFlow;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** The real service on free ports of 127.0.0.1, driven over HTTP like Bandwidth does. */
final class RunningService implements AutoCloseable {
    static final String PUBLIC_URL = "https://switchboard.example.test";
    private static final String TEST_DEFAULTS = """
            switchboard.http.host = "127.0.0.1"
            switchboard.http.port = 0
            akka.management.http.hostname = "127.0.0.1"
            akka.management.http.port = 0
            akka.remote.artery.canonical.port = 0
            akka.coordinated-shutdown.exit-jvm = off
            akka.cluster.jmx.multi-mbeans-in-same-jvm = on
            switchboard.durability.mode = memory
            # Seconds of connections after each start, while tests drive the service: WarmUpTest and the
            # service's process (ServiceProcess) run it.
            switchboard.warm-up.connections.count = 0
            """;

    private final SwitchboardService.Running running;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningService(SwitchboardService.Running running) {
        this.running = running;
    }

    /** The service with the demo flows. */
    static RunningService start(String extraConfig) throws Exception {
        return started(SwitchboardService.startDemo(config(extraConfig)));
    }

    /** The service with the given flows. */
    static RunningService start(String extraConfig, CallFlow callFlow, ConferenceFlow conferenceFlow) throws Exception {
        return started(SwitchboardService.start(config(extraConfig), callFlow, conferenceFlow));
    }

    /** The service {@code starting} starts, once it has. */
    static RunningService started(CompletionStage<SwitchboardService.Running> starting) throws Exception {
        return new RunningService(starting.toCompletableFuture().get(30, TimeUnit.SECONDS));
    }

    /** The test defaults of {@link #config} without a public URL: the service's own address is its public URL. */
    static Config configOwnAddress(String extraConfig) {
        return withTestDefaults(ConfigFactory.parseString(extraConfig));
    }

    private static Config withTestDefaults(Config extra) {
        return extra.withFallback(ConfigFactory.parseString(TEST_DEFAULTS))
                .withFallback(ConfigFactory.load())
                .resolve();
    }

    /**
     * Test defaults (free ports on 127.0.0.1, no JVM exit, entities in memory) under {@code extraConfig}; the
     * durability tests ask for the journal themselves.
     */
    static Config config(String extraConfig) {
        return withTestDefaults(ConfigFactory.parseString(extraConfig)
                .withFallback(ConfigFactory.parseString("switchboard.public-url = \"" + PUBLIC_URL + "\"")));
    }

    /** The simulated Voice API on a free port, for the account and API credentials of {@link #bandwidthConfig}. */
    static HttpVoiceApi startVoiceApi(double dialsPerSecond) {
        return HttpVoiceApi.start(0, "9900000", "api-user", "api-pass", dialsPerSecond);
    }

    /** Call control pointed at the simulated Voice API {@code api}. */
    static String bandwidthConfig(HttpVoiceApi api) {
        return """
                switchboard.bandwidth {
                  api-url = "%s"
                  account-id = "9900000"
                  username = "api-user"
                  password = "api-pass"
                  application-id = "04e88489-df02-4e34-a0ee-27a91849555f"
                  creates-per-second = 20
                }
                """.formatted(api.baseUrl());
    }

    ActorSystem<Void> system() {
        return running.system();
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(jsonPost(uri(path), json));
    }

    /** A webhook's request: {@code json} POSTed to {@code uri}. */
    static HttpRequest.Builder jsonPost(URI uri, String json) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    /** A GET with HTTP Basic credentials. */
    static HttpRequest.Builder basicGet(URI uri, String user, String password) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", basic(user, password))
                .GET();
    }

    /** {@code json} POSTed with HTTP Basic credentials. */
    static HttpRequest.Builder basicPost(URI uri, String user, String password, String json) {
        return jsonPost(uri, json).header("Authorization", basic(user, password));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** A GET with HTTP Basic credentials. */
    HttpResponse<String> get(URI uri, String user, String password) throws IOException, InterruptedException {
        return send(basicGet(uri, user, password));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** On the webhook port. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + running.port() + path);
    }

    /** On the management port. */
    URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + running.managementPort() + path);
    }

    /** Fallback replies this node counted, by its Prometheus endpoint. */
    double fallbacksCounted() throws IOException, InterruptedException {
        return fallbacksIn(get(managementUri("/metrics")).body());
    }

    /** The fallbacks counted in {@code metrics}, a scrape of the management port's {@code /metrics}. */
    static double fallbacksIn(String metrics) {
        return metrics.lines()
                .filter(line -> line.startsWith("switchboard_webhook_fallbacks_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Coordinated shutdown: the node leaves its cluster gracefully. */
    CompletionStage<Done> stop() {
        return running.stop();
    }

    boolean isTerminated() {
        return running.system().getWhenTerminated().toCompletableFuture().isDone();
    }

    @Override
    public void close() throws Exception {
        stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
