package io.switchboard.adapters.http.simulator;

import io.switchboard.adapters.bxml.BxmlReader;
import io.switchboard.adapters.http.WebhookCredentials;
import io.switchboard.adapters.http.json.VoiceEventEncoder;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.verb.Response;
import io.switchboard.testkit.simulator.Delivery;
import io.switchboard.testkit.simulator.WebhookTransport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Posts simulated events as Bandwidth does: its JSON ({@link VoiceEventEncoder}), {@code Content-Type:
 * application/json}, the callback timeout as the request timeout, and Basic auth as a challenge: the first
 * request to a host goes without credentials, and only after a {@code 401} with {@code WWW-Authenticate: Basic}
 * is it sent again with them; from then on that host gets them at once. Replies are read with the service's own
 * {@link BxmlReader}.
 *
 * <p>Built on the JDK's {@link HttpClient}: its {@code sendAsync} never blocks the caller, it keeps HTTP/1.1
 * connections alive, and it needs no actor system, so the simulator's process measures the service, not a
 * second Akka runtime. The client's executor runs the simulator's continuations; give it a few threads.
 */
public final class HttpWebhookTransport implements WebhookTransport {
    private final HttpClient client;
    private final VoiceEventEncoder encoder;
    private final BxmlReader reader;
    private final Optional<String> authorization;
    private final Duration timeout;
    private final Set<String> hostsAskingForAuth = ConcurrentHashMap.newKeySet();

    /**
     * @param credentials sent only to hosts that challenge for them; never logged
     * @param timeout     Bandwidth's callback timeout: a reply slower than this is a failed delivery
     */
    public HttpWebhookTransport(
            HttpClient client,
            VoiceEventEncoder encoder,
            BxmlReader reader,
            Optional<WebhookCredentials> credentials,
            Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.authorization = credentials.map(HttpWebhookTransport::basic);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** A client as the simulator wants it: HTTP/1.1 (as Bandwidth posts), connect timeout as the callback's. */
    public static HttpClient.Builder clientBuilder(Duration timeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    @Override
    public CompletionStage<Delivery> deliver(URI url, VoiceEvent event) {
        byte[] body = encoder.encode(event);
        String host = url.getAuthority();
        boolean withCredentials = authorization.isPresent() && hostsAskingForAuth.contains(host);
        long started = System.nanoTime();
        return post(url, body, withCredentials)
                .thenCompose(response -> {
                    if (response.statusCode() == 401
                            && !withCredentials
                            && authorization.isPresent()
                            && challengesForBasic(response)) {
                        hostsAskingForAuth.add(host);
                        return post(url, body, true).thenApply(retried -> read(retried, started));
                    }
                    return CompletableFuture.completedFuture(read(response, started));
                })
                .exceptionally(failure -> failed(failure, started));
    }

    private CompletableFuture<HttpResponse<String>> post(URI url, byte[] body, boolean withCredentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Switchboard-Simulator")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (withCredentials) {
            request.header("Authorization", authorization.orElseThrow());
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private Delivery read(HttpResponse<String> response, long started) {
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String body = response.body();
        boolean success = status >= 200 && status < 300;
        if (!success || body == null || body.isBlank()) {
            return Delivery.answered(status, contentType, null, latency);
        }
        try {
            Response bxml = reader.read(body);
            return Delivery.answered(status, contentType, bxml, latency);
        } catch (IllegalArgumentException unreadable) {
            return Delivery.unreadable(status, contentType, unreadable.getMessage(), latency);
        }
    }

    private static Delivery failed(Throwable failure, long started) {
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
            return Delivery.failed("no reply within the callback timeout", false, latency);
        }
        // Bandwidth retries once on a connection error (refused, reset, or not even connected in time).
        return Delivery.failed(
                cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause instanceof IOException, latency);
    }

    private static boolean challengesForBasic(HttpResponse<?> response) {
        return response.headers().allValues("WWW-Authenticate").stream()
                .anyMatch(challenge -> challenge.toLowerCase(Locale.ROOT).startsWith("basic"));
    }

    private static String basic(WebhookCredentials credentials) {
        String pair = credentials.username() + ":" + credentials.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
