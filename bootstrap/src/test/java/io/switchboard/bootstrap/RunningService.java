package io.switchboard.bootstrap;

import akka.Done;
import akka.actor.typed.ActorSystem;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
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

    private final SwitchboardService.Running running;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningService(SwitchboardService.Running running) {
        this.running = running;
    }

    /** The service with the demo flows. */
    static RunningService start(String extraConfig) throws Exception {
        return new RunningService(SwitchboardService.startDemo(config(extraConfig))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS));
    }

    /** The service with the given flows. */
    static RunningService start(String extraConfig, CallFlow callFlow, ConferenceFlow conferenceFlow) throws Exception {
        return new RunningService(SwitchboardService.start(config(extraConfig), callFlow, conferenceFlow)
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS));
    }

    /**
     * Test defaults (free ports on 127.0.0.1, no JVM exit, entities in memory) under {@code extraConfig}; the
     * durability tests ask for the journal themselves.
     */
    static Config config(String extraConfig) {
        return ConfigFactory.parseString(extraConfig)
                .withFallback(ConfigFactory.parseString("""
                        switchboard.http.host = "127.0.0.1"
                        switchboard.http.port = 0
                        switchboard.public-url = "%s"
                        akka.management.http.hostname = "127.0.0.1"
                        akka.management.http.port = 0
                        akka.remote.artery.canonical.port = 0
                        akka.coordinated-shutdown.exit-jvm = off
                        akka.cluster.jmx.multi-mbeans-in-same-jvm = on
                        switchboard.durability.mode = memory
                        """.formatted(PUBLIC_URL)))
                .withFallback(ConfigFactory.load())
                .resolve();
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
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + basic)
                .GET();
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
        return get(managementUri("/metrics"))
                .body()
                .lines()
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
