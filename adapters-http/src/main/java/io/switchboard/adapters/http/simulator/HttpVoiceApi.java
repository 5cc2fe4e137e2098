package io.switchboard.adapters.http.simulator;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.headers.RawHeader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.switchboard.testkit.voiceapi.ApiReply;
import io.switchboard.testkit.voiceapi.JsonReader;
import io.switchboard.testkit.voiceapi.SimulatedVoiceApi;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The simulated Voice API on the wire: an akka-http server on a free port of 127.0.0.1 that hands every request
 * to the {@link SimulatedVoiceApi} engine (method, path, headers by lower-case name, body as text) and writes
 * its reply back, JSON documents through Jackson. The adapter's tests and {@code simulate --outbound} point
 * {@code SWITCHBOARD_BANDWIDTH_API_URL} at {@link #baseUrl()}.
 */
public final class HttpVoiceApi implements AutoCloseable {
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    /**
     * A system of its own runs on Akka's reference settings only: an application's (a cluster provider, a JVM
     * that exits with the system) must not come with it into a test or the {@code simulate} command.
     */
    private static final String OWN_SYSTEM = """
            akka.actor.provider = local
            akka.coordinated-shutdown.exit-jvm = off
            akka.coordinated-shutdown.run-by-jvm-shutdown-hook = off
            akka.loglevel = WARNING
            """;

    private final SimulatedVoiceApi api;
    private final ServerBinding binding;
    private final Optional<ActorSystem<?>> ownSystem;

    private HttpVoiceApi(SimulatedVoiceApi api, ServerBinding binding, Optional<ActorSystem<?>> ownSystem) {
        this.api = api;
        this.binding = binding;
        this.ownSystem = ownSystem;
        api.servedAt(baseUrl());
    }

    /** The Voice API's JSON bodies as the engine reads them. */
    public static JsonReader jsonReader() {
        return text -> {
            try {
                Map<String, Object> document = JSON.readValue(text, OBJECT);
                if (document == null) {
                    throw new IllegalArgumentException("null is not an object");
                }
                return document;
            } catch (JsonProcessingException unreadable) {
                throw new IllegalArgumentException(unreadable.getOriginalMessage(), unreadable);
            }
        };
    }

    /**
     * Starts an engine for one account and serves it on {@code port} of 127.0.0.1 (0: a free one), on an actor
     * system of its own; closing the server closes the engine and the system.
     */
    public static HttpVoiceApi start(
            int port, String accountId, String username, String password, double dialsPerSecond) {
        ActorSystem<Void> system = ActorSystem.create(
                Behaviors.empty(),
                "simulated-voice-api",
                ConfigFactory.parseString(OWN_SYSTEM).withFallback(ConfigFactory.defaultReference()));
        try {
            return serve(system, port, newApi(accountId, username, password, dialsPerSecond), Optional.of(system));
        } catch (RuntimeException bindFailed) {
            system.terminate();
            throw bindFailed;
        }
    }

    /** Starts an engine for one account and serves it on {@code system}; closing the server closes the engine. */
    public static HttpVoiceApi start(
            ActorSystem<?> system, String accountId, String username, String password, double dialsPerSecond) {
        return serve(system, 0, newApi(accountId, username, password, dialsPerSecond), Optional.empty());
    }

    private static SimulatedVoiceApi newApi(String accountId, String username, String password, double rate) {
        return new SimulatedVoiceApi(accountId, username, password, rate, jsonReader());
    }

    private static HttpVoiceApi serve(
            ActorSystem<?> system, int port, SimulatedVoiceApi api, Optional<ActorSystem<?>> own) {
        ServerBinding binding = Http.get(system)
                .newServerAt("127.0.0.1", port)
                .bind((akka.japi.function.Function<HttpRequest, CompletionStage<HttpResponse>>)
                        request -> handle(system, api, request))
                .toCompletableFuture()
                .join();
        return new HttpVoiceApi(api, binding, own);
    }

    /** The engine: its calls, recorded requests and fault injection. */
    public SimulatedVoiceApi api() {
        return api;
    }

    /** {@code http://127.0.0.1:<port>/api/v2}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + binding.localAddress().getPort() + "/api/v2");
    }

    @Override
    public void close() {
        api.close();
        binding.terminate(Duration.ofSeconds(1)).toCompletableFuture().join();
        ownSystem.ifPresent(system -> {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().join();
        });
    }

    private static CompletionStage<HttpResponse> handle(
            ActorSystem<?> system, SimulatedVoiceApi api, HttpRequest request) {
        return request.entity()
                .toStrict(BODY_TIMEOUT.toMillis(), system)
                .thenCompose(strict -> {
                    Map<String, List<String>> headers = new HashMap<>();
                    request.getHeaders()
                            .forEach(
                                    header -> headers.computeIfAbsent(header.lowercaseName(), name -> new ArrayList<>())
                                            .add(header.value()));
                    // akka-http models the entity's type apart from the headers; the engine reads it as sent.
                    if (!strict.getContentType().equals(ContentTypes.NO_CONTENT_TYPE)) {
                        headers.put(
                                "content-type", List.of(strict.getContentType().toString()));
                    }
                    return api.handle(
                            request.method().value(),
                            request.getUri().path(),
                            headers,
                            strict.getData().utf8String());
                })
                .thenApply(HttpVoiceApi::response);
    }

    private static HttpResponse response(ApiReply reply) {
        HttpResponse response = HttpResponse.create().withStatus(reply.status());
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            response = response.addHeader(RawHeader.create(header.getKey(), header.getValue()));
        }
        if (reply.media() != null) {
            return response.withEntity(HttpEntities.create(ContentTypes.parse(reply.mediaType()), reply.media()));
        }
        if (reply.document() != null) {
            try {
                return response.withEntity(
                        HttpEntities.create(ContentTypes.APPLICATION_JSON, JSON.writeValueAsBytes(reply.document())));
            } catch (JsonProcessingException unwritable) {
                throw new IllegalStateException("the simulated Voice API wrote an unwritable document", unwritable);
            }
        }
        return response;
    }
}
