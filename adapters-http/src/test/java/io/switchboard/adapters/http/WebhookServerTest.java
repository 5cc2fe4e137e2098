package io.switchboard.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.http.json.VoiceChannel;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookServerTest {
    private static final ActorTestKit testKit = ActorTestKit.create();
    private static final Duration HARD_TERMINATION = Duration.ofSeconds(3);

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    private static VoiceWebhookRoutes routesAt(int port) {
        return new VoiceWebhookRoutes(
                new FakeVoiceEventHandler(),
                () -> true,
                VoiceWebhookRoutesTest.FALLBACK,
                HttpSettings.of("127.0.0.1", port));
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void servesTheWebhookRoutesAtTheBoundAddress() throws Exception {
        ServerBinding binding = await(WebhookServer.start(testKit.system(), routesAt(0), HARD_TERMINATION));
        try {
            String base = "http://127.0.0.1:" + binding.localAddress().getPort();
            HttpRequest answer = HttpRequest.POST(base + "/voice/answer")
                    .withEntity(
                            ContentTypes.APPLICATION_JSON,
                            Payloads.json(Payloads.contractPayload(VoiceChannel.ANSWER)));

            HttpResponse response = await(Http.get(testKit.system()).singleRequest(answer));
            String body = await(response.entity().toStrict(5_000, testKit.system()))
                    .getData()
                    .utf8String();

            assertEquals(200, response.status().intValue());
            assertEquals(new BxmlWriter().write(FakeVoiceEventHandler.GREETING), body);
        } finally {
            await(binding.unbind());
        }
    }

    /**
     * A method akka-http does not know is refused by its request parser, before any route: a raw socket, since
     * HTTP clients refuse to send such methods or rewrite them.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "FOO /voice/answer",
                "PROPFIND /voice",
                "BREW /health/live",
                "SOMEVERYLONGMETHODNAMEBEYONDANYLIMIT /voice"
            })
    void anUnknownMethodIsNotAllowedWithAProblemNamingWhatIs(String requestLine) throws Exception {
        ServerBinding binding = await(WebhookServer.start(testKit.system(), routesAt(0), HARD_TERMINATION));
        try (Socket socket = new Socket("127.0.0.1", binding.localAddress().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(response.startsWith("HTTP/1.1 405 Method Not Allowed\r\n"), response);
            assertTrue(response.contains("\r\nAllow: GET, POST\r\n"), response);
            assertTrue(response.contains("\r\nContent-Type: application/problem+json\r\n"), response);
            JsonNode problem = Payloads.MAPPER.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
            assertEquals(
                    "urn:switchboard:problem:method-not-allowed",
                    problem.path("type").asText(),
                    response);
            assertEquals(405, problem.path("status").asInt(), response);
        } finally {
            await(binding.unbind());
        }
    }

    @Test
    void failsWhenThePortIsTaken() throws Exception {
        ServerBinding first = await(WebhookServer.start(testKit.system(), routesAt(0), HARD_TERMINATION));
        try {
            int takenPort = first.localAddress().getPort();

            ExecutionException failure = assertThrows(
                    ExecutionException.class,
                    () -> await(WebhookServer.start(testKit.system(), routesAt(takenPort), HARD_TERMINATION)));

            assertTrue(
                    failure.getCause().getMessage().contains(String.valueOf(takenPort)), failure.getCause()::toString);
        } finally {
            await(first.unbind());
        }
    }
}
