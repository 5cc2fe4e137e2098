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
import akka.http.javadsl.server.Directives;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.http.json.VoiceChannel;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
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
        return routes(HttpSettings.of("127.0.0.1", port));
    }

    private static VoiceWebhookRoutes routes(HttpSettings settings) {
        return new VoiceWebhookRoutes(
                new FakeVoiceEventHandler(), () -> true, VoiceWebhookRoutesTest.FALLBACK, settings);
    }

    private static ServerBinding startAdmitting(AdmissionLimits admission) throws Exception {
        return await(WebhookServer.start(
                testKit.system(), routes(HttpSettings.of("127.0.0.1", 0).withAdmission(admission)), HARD_TERMINATION));
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

    private static final AdmissionLimits SHORT_BODY_TIMEOUT =
            new AdmissionLimits(1024, 64, Duration.ofSeconds(1), Duration.ofMillis(300));

    /**
     * A body that trickles in holds a place in flight while it is read: bounded by the body timeout, answered 408
     * with a problem, and its connection closed (the rest of the body is never read).
     */
    @Test
    void aBodyThatDoesNotArriveInTimeIsRefusedAndItsConnectionClosed() throws Exception {
        ServerBinding binding = startAdmitting(SHORT_BODY_TIMEOUT);
        try {
            assertRefusedForItsBody(binding, "/voice/answer");
        } finally {
            await(binding.unbind());
        }
    }

    /** Not only the webhooks: whatever else shares the port and reads a body (the admin API's) gets the same bound. */
    @Test
    void everyRouteOnThePortHasItsBodyWithinTheBodyTimeout() throws Exception {
        HttpSettings settings = HttpSettings.of("127.0.0.1", 0).withAdmission(SHORT_BODY_TIMEOUT);
        Route readsItsBody =
                Directives.path("admin", () -> Directives.entity(Unmarshaller.entityToString(), Directives::complete));
        ServerBinding binding = await(WebhookServer.start(
                testKit.system(), settings, request -> Optional.empty(), readsItsBody, readsItsBody, HARD_TERMINATION));
        try {
            assertRefusedForItsBody(binding, "/admin");
        } finally {
            await(binding.unbind());
        }
    }

    /** Sends {@code path} the headers and a part of a JSON body, then nothing: expects a 408 problem and the close. */
    private static void assertRefusedForItsBody(ServerBinding binding, String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", binding.localAddress().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n"
                                    + "{\"eventType\": \"answer\"")
                            .getBytes(StandardCharsets.US_ASCII));

            // To the end of the stream: it ends only when the server closes the connection.
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(response.startsWith("HTTP/1.1 408 Request Timeout\r\n"), response);
            assertTrue(response.contains("\r\nContent-Type: application/problem+json\r\n"), response);
        }
    }

    /**
     * A webhook is bounded by its own deadlines (the reply deadline, with the fallback), not by akka-http's request
     * timeout, whose timer would sit in Akka's scheduler for every webhook: one answered after that timeout has
     * passed is answered by its route.
     */
    @Test
    void aWebhookIsAnsweredByItsRouteEvenPastAkkaHttpsRequestTimeout() throws Exception {
        ActorTestKit shortRequestTimeout =
                ActorTestKit.create(ConfigFactory.parseString("akka.http.server.request-timeout = 300ms")
                        .withFallback(ConfigFactory.load()));
        FakeVoiceEventHandler slowFlow = new FakeVoiceEventHandler();
        Executor pastTheTimeout = CompletableFuture.delayedExecutor(900, TimeUnit.MILLISECONDS);
        slowFlow.answerWith(event -> CompletableFuture.supplyAsync(
                () -> new EventReply(FakeVoiceEventHandler.GREETING, ReplyOrigin.FLOW), pastTheTimeout));
        try {
            ServerBinding binding = await(WebhookServer.start(
                    shortRequestTimeout.system(),
                    new VoiceWebhookRoutes(
                            slowFlow, () -> true, VoiceWebhookRoutesTest.FALLBACK, HttpSettings.of("127.0.0.1", 0)),
                    HARD_TERMINATION));
            HttpRequest answer = HttpRequest.POST(
                            "http://127.0.0.1:" + binding.localAddress().getPort() + "/voice/answer")
                    .withEntity(
                            ContentTypes.APPLICATION_JSON,
                            Payloads.json(Payloads.contractPayload(VoiceChannel.ANSWER)));

            HttpResponse response = await(Http.get(shortRequestTimeout.system()).singleRequest(answer));

            assertEquals(200, response.status().intValue());
            assertEquals(1, slowFlow.received().size());
        } finally {
            shortRequestTimeout.shutdownTestKit();
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

    @Test
    void aConnectionPastTheLimitIsRefusedAtOnceHealthChecksExceptedAndServedOnceASlotIsFree() throws Exception {
        ServerBinding binding =
                startAdmitting(new AdmissionLimits(1, 16, Duration.ofSeconds(1), Duration.ofSeconds(5)));
        int port = binding.localAddress().getPort();
        try (Socket past = new Socket("127.0.0.1", port)) {
            past.setSoTimeout(10_000);
            try (Socket served = new Socket("127.0.0.1", port)) {
                served.setSoTimeout(10_000);
                String first = exchange(served, postAnswer());
                assertTrue(first.startsWith("HTTP/1.1 200 "), first);

                String refused = exchange(past, postAnswer());
                String health = exchange(past, "GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                String stillServed = exchange(served, postAnswer());

                assertTrue(refused.startsWith("HTTP/1.1 503 "), refused);
                assertTrue(refused.contains("\r\nRetry-After: 1\r\n"), refused);
                assertTrue(refused.contains("application/problem+json"), refused);
                assertTrue(health.startsWith("HTTP/1.1 200 "), health);
                assertTrue(stillServed.startsWith("HTTP/1.1 200 "), stillServed);
            }
            // The served connection closed: its slot goes to a next request of the one refused, on the same
            // connection (it is freed as the server sees the close: a few refusals may come first).
            long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String retried = exchange(past, postAnswer());
            while (!retried.startsWith("HTTP/1.1 200 ") && System.nanoTime() < giveUp) {
                assertTrue(retried.startsWith("HTTP/1.1 503 "), retried);
                retried = exchange(past, postAnswer());
            }
            assertTrue(retried.startsWith("HTTP/1.1 200 "), retried);
        } finally {
            await(binding.unbind());
        }
    }

    private static String postAnswer() {
        String body = Payloads.json(Payloads.contractPayload(VoiceChannel.ANSWER));
        return "POST /voice/answer HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** Sends {@code request} on a kept-alive connection and reads one response (its headers and its sized body). */
    private static String exchange(Socket socket, String request) throws Exception {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        var in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        var length = java.util.regex.Pattern.compile("(?i)\r\nContent-Length: (\\d+)")
                .matcher(head);
        int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return head + new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8);
    }
}
