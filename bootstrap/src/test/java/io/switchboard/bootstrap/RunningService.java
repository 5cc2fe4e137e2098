package io.switchboard.bootstrap;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.conference.ConferenceFlow;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** The real service, with the demo flows, on free ports of 127.0.0.1, driven over HTTP like Bandwidth does. */
final class RunningService implements AutoCloseable {
    static final String PUBLIC_URL = "https://switchboard.example.test";

    private final SwitchboardService.Running running;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningService(SwitchboardService.Running running) {
        this.running = running;
    }

    static RunningService start(String extraConfig) throws Exception {
        return started(SwitchboardService.startDemo(config(extraConfig)));
    }

    /** The service with your own flows instead of the demo's. */
    static RunningService start(String extraConfig, CallFlow callFlow, ConferenceFlow conferenceFlow)
            throws Exception {
        return started(SwitchboardService.start(config(extraConfig), callFlow, conferenceFlow));
    }

    private static RunningService started(CompletionStage<SwitchboardService.Running> starting) throws Exception {
        return new RunningService(starting.toCompletableFuture().get(30, TimeUnit.SECONDS));
    }

    private static Config config(String extraConfig) {
        return ConfigFactory.parseString(extraConfig)
                .withFallback(ConfigFactory.parseString("""
                        switchboard.http.host = "127.0.0.1"
                        switchboard.http.port = 0
                        switchboard.public-url = "%s"
                        akka.remote.artery.canonical.port = 0
                        akka.coordinated-shutdown.exit-jvm = off
                        akka.cluster.jmx.multi-mbeans-in-same-jvm = on
                        """.formatted(PUBLIC_URL)))
                .withFallback(ConfigFactory.load());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + running.port() + path);
    }

    @Override
    public void close() throws Exception {
        running.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
