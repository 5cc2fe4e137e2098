package io.switchboard.adapters.http.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.adapters.bxml.BxmlReader;
import io.switchboard.adapters.http.WebhookCredentials;
import io.switchboard.adapters.http.json.VoiceEventEncoder;
import io.switchboard.adapters.http.json.WebhookObjectMapper;
import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.verb.SpeakSentence;
import io.switchboard.testkit.simulator.Delivery;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a stub server on a free port of 127.0.0.1 that records what it was sent. */
class HttpWebhookTransportTest {
    private static final ObjectMapper mapper = WebhookObjectMapper.create();
    private static final WebhookCredentials CREDENTIALS = new WebhookCredentials("bandwidth", "s3cret");
    private static final String EXPECTED_AUTH = "Basic YmFuZHdpZHRoOnMzY3JldA==";
    private static final CallInitiated INITIATE = new CallInitiated(CallDetails.builder(CallId.of("c-http-1"))
            .parties("+15552223333", "+15553334444", Direction.INBOUND)
            .eventTime(Instant.parse("2026-01-05T09:00:00Z"))
            .build());

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/voice", this::answer);
        server.createContext("/garbage", exchange -> reply(exchange, 200, "application/xml", "<Response><Dance/>"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(String.valueOf(authorization));
        bodies.add(mapper.readTree(exchange.getRequestBody()));
        if (!EXPECTED_AUTH.equals(authorization)) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"switchboard\"");
            reply(exchange, 401, "application/problem+json", "{}");
            return;
        }
        reply(
                exchange,
                200,
                "application/xml; charset=UTF-8",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><SpeakSentence>Hi</SpeakSentence></Response>");
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private HttpWebhookTransport transport(Optional<WebhookCredentials> credentials) {
        return new HttpWebhookTransport(
                HttpWebhookTransport.clientBuilder(Duration.ofSeconds(5)).build(),
                new VoiceEventEncoder(mapper),
                new BxmlReader(),
                credentials,
                Duration.ofSeconds(5));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static Delivery deliver(HttpWebhookTransport transport, URI url) throws Exception {
        return transport.deliver(url, INITIATE).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void sendsCredentialsOnlyAfterTheChallengeThenAtOnceToThatHost() throws Exception {
        HttpWebhookTransport transport = transport(Optional.of(CREDENTIALS));

        Delivery first = deliver(transport, url("/voice"));
        Delivery second = deliver(transport, url("/voice/gather"));

        assertEquals(List.of("null", EXPECTED_AUTH, EXPECTED_AUTH), authorizations);
        assertEquals(200, first.status());
        assertEquals(SpeakSentence.of("Hi"), first.bxml().verbs().get(0));
        assertTrue(first.contentType().startsWith("application/xml"));
        assertEquals(200, second.status());
        assertEquals("initiate", bodies.get(0).get("eventType").asText());
        assertEquals("c-http-1", bodies.get(0).get("callId").asText());
    }

    @Test
    void withoutCredentialsTheChallengeIsTheAnswer() throws Exception {
        Delivery refused = deliver(transport(Optional.empty()), url("/voice"));

        assertEquals(401, refused.status());
        assertNull(refused.bxml());
        assertEquals(List.of("null"), authorizations);
    }

    @Test
    void aBodyThatIsNotBxmlIsReportedWithTheReadersReason() throws Exception {
        Delivery unreadable = deliver(transport(Optional.empty()), url("/garbage"));

        assertEquals(200, unreadable.status());
        assertNull(unreadable.bxml());
        assertTrue(unreadable.unreadable().contains("Dance"), unreadable.unreadable());
    }

    @Test
    void aRefusedConnectionIsAFailureBandwidthWouldRetry() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Delivery failed = deliver(transport(Optional.empty()), URI.create("http://127.0.0.1:" + closedPort + "/voice"));

        assertFalse(failed.answered());
        assertEquals(0, failed.status());
        assertTrue(failed.retryable(), failed.failure());
    }
}
