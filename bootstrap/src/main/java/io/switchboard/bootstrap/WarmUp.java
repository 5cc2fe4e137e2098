package io.switchboard.bootstrap;

import akka.actor.typed.ActorSystem;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.BasicHttpCredentials;
import akka.japi.function.Function;
import com.typesafe.config.Config;
import io.switchboard.adapters.http.HttpSettings;
import io.switchboard.adapters.http.VoiceWebhookRoutes;
import io.switchboard.adapters.http.WebhookServer;
import io.switchboard.adapters.http.json.VoiceChannel;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.FallbackPolicy;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.verb.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Before a node reports ready, representative webhooks of every contract channel go through the webhook routes in
 * process (authentication, reading the body, JSON decoding and validation, BXML rendering), again and again for at
 * most {@code switchboard.warm-up.max-duration}, so that the JIT has compiled that code before Bandwidth's first
 * webhooks arrive instead of while they wait. They reach no entity and leave no trace: a handler of the warm-up's
 * own answers each with a menu, and these routes have no monitor, so nothing is stored, counted or listed.
 */
final class WarmUp {

    /** The contract's channels, one representative body each ({@code warm-up/<channel>.json}). */
    static final List<String> CHANNELS = Arrays.stream(VoiceChannel.values())
            .filter(VoiceChannel::inContract)
            .map(VoiceChannel::path)
            .toList();

    /** What every warm-up webhook is answered with: a document with the verbs most replies carry. */
    private static final EventReply MENU = new EventReply(
            Response.builder()
                    .gather(gather -> gather.maxDigits(1)
                            .firstDigitTimeout(5)
                            .speakSentence("Press 1 to talk to us, or 2 to leave a message."))
                    .speakSentence("Goodbye.")
                    .hangup()
                    .build(),
            ReplyOrigin.FLOW);

    /** How many warm-up webhooks went through, how many were answered 200, and the time they took. */
    record Result(int webhooks, int answered, Duration took) {}

    private final ActorSystem<?> system;
    private final Function<HttpRequest, CompletionStage<HttpResponse>> routes;
    private final List<HttpRequest> requests;

    WarmUp(ActorSystem<?> system, HttpSettings http, FallbackPolicy fallback) {
        this.system = system;
        VoiceWebhookRoutes warming =
                new VoiceWebhookRoutes(event -> CompletableFuture.completedFuture(MENU), () -> true, fallback, http);
        // As the server serves: the common webhook directly, the rest through the routes.
        WebhookServer.DirectAnswers direct = warming::answerDirectly;
        this.routes = direct.ahead(warming.route().handler(system));
        this.requests = CHANNELS.stream().map(channel -> request(channel, http)).toList();
    }

    /** {@code switchboard.warm-up.max-duration}; zero: no warm-up. */
    static Duration maxDuration(Config config) {
        return config.getDuration("switchboard.warm-up.max-duration");
    }

    /** Sends every channel's webhook, round after round, until {@code maxDuration} has passed (one round at least). */
    CompletionStage<Result> run(Duration maxDuration) {
        long started = System.nanoTime();
        return rounds(started + maxDuration.toNanos(), 0, 0)
                .thenApplyAsync(
                        counts -> new Result(counts[0], counts[1], Duration.ofNanos(System.nanoTime() - started)),
                        Runnable::run);
    }

    /** One round is every channel's webhook at once, as a node's traffic comes: every core takes part. */
    private CompletionStage<int[]> rounds(long deadline, int webhooks, int answered) {
        List<CompletableFuture<Boolean>> round = requests.stream()
                .map(request -> answered(request).toCompletableFuture())
                .toList();
        return CompletableFuture.allOf(round.toArray(CompletableFuture[]::new))
                .thenComposeAsync(
                        done -> {
                            int sent = webhooks + round.size();
                            int ok = answered
                                    + (int) round.stream()
                                            .filter(CompletableFuture::join)
                                            .count();
                            return System.nanoTime() < deadline
                                    ? rounds(deadline, sent, ok)
                                    : CompletableFuture.completedFuture(new int[] {sent, ok});
                        },
                        system.executionContext());
    }

    private CompletionStage<Boolean> answered(HttpRequest request) {
        try {
            // On the completing thread: the route's stage comes from a Scala future, whose plain thenApply would
            // run on the JDK's common pool.
            return routes.apply(request)
                    .thenApplyAsync(
                            response -> {
                                response.discardEntityBytes(system);
                                return response.status().equals(StatusCodes.OK);
                            },
                            Runnable::run);
        } catch (Exception failed) {
            return CompletableFuture.failedFuture(failed);
        }
    }

    private static HttpRequest request(String channel, HttpSettings http) {
        HttpRequest request =
                HttpRequest.POST("/voice/" + channel).withEntity(ContentTypes.APPLICATION_JSON, body(channel));
        return http.credentials()
                .map(credentials -> request.addCredentials(BasicHttpCredentials.createBasicHttpCredentials(
                        credentials.username(), credentials.password())))
                .orElse(request);
    }

    private static byte[] body(String channel) {
        String resource = "warm-up/" + channel + ".json";
        try (InputStream in = WarmUp.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
