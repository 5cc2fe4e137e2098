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
import io.switchboard.application.port.in.HandleVoiceEventUseCase;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.FallbackPolicy;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.verb.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;

/**
 * While a node starts, and before it reports ready, representative webhooks of every contract channel go through
 * webhook routes in process (authentication, reading the body, JSON decoding and validation, BXML rendering), each
 * round for calls and conferences of its own and each webhook twice (the second a redelivery), again and again for
 * at most {@code switchboard.warm-up.max-duration}, so that the JIT has compiled that code before Bandwidth's first
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

    /** What the call and conference ids of the warm-up bodies contain: each round makes them its own. */
    private static final String ID_MARK = "switchboard-warm-up";

    private final ActorSystem<?> system;
    private final Function<HttpRequest, CompletionStage<HttpResponse>> routes;
    private final HttpSettings http;
    private final List<String> bodies;

    WarmUp(ActorSystem<?> system, HttpSettings http, FallbackPolicy fallback) {
        this(system, http, fallback, event -> CompletableFuture.completedFuture(MENU));
    }

    /** The same, the events answered by {@code answering} (a test's, to see what the warm-up sends). */
    WarmUp(ActorSystem<?> system, HttpSettings http, FallbackPolicy fallback, HandleVoiceEventUseCase answering) {
        this.system = system;
        VoiceWebhookRoutes warming = new VoiceWebhookRoutes(answering, () -> true, fallback, http);
        // As the server serves: the common webhook directly, the rest through the routes.
        WebhookServer.DirectAnswers direct = warming::answerDirectly;
        this.routes = direct.ahead(warming.route().handler(system));
        this.http = http;
        this.bodies = CHANNELS.stream().map(WarmUp::body).toList();
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

    /**
     * One round is every channel's webhook at once, as a node's traffic comes (every core takes part), then each
     * again, as Bandwidth redelivers. Each round's calls and conferences are new ones, so that every round decodes
     * and renders as a new event does, instead of being recognised as a redelivery of the round before.
     */
    private CompletionStage<int[]> rounds(long deadline, int webhooks, int answered) {
        // The count of webhooks sent so far tells the rounds apart.
        String roundId = ID_MARK + "-" + webhooks;
        List<HttpRequest> requests = IntStream.range(0, CHANNELS.size())
                .mapToObj(i -> request(CHANNELS.get(i), bodies.get(i).replace(ID_MARK, roundId)))
                .toList();
        return sendAll(requests)
                .thenComposeAsync(
                        firsts -> sendAll(requests).thenApplyAsync(agains -> firsts + agains, Runnable::run),
                        Runnable::run)
                .thenComposeAsync(
                        ok -> {
                            int sent = webhooks + 2 * requests.size();
                            return System.nanoTime() < deadline
                                    ? rounds(deadline, sent, answered + ok)
                                    : CompletableFuture.completedFuture(new int[] {sent, answered + ok});
                        },
                        system.executionContext());
    }

    /** Sends every one of {@code requests} at once; how many were answered 200. */
    private CompletionStage<Integer> sendAll(List<HttpRequest> requests) {
        List<CompletableFuture<Boolean>> sent = requests.stream()
                .map(request -> answered(request).toCompletableFuture())
                .toList();
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .thenApplyAsync(
                        done -> (int)
                                sent.stream().filter(CompletableFuture::join).count(),
                        Runnable::run);
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

    private HttpRequest request(String channel, String body) {
        HttpRequest request = HttpRequest.POST("/voice/" + channel).withEntity(ContentTypes.APPLICATION_JSON, body);
        return http.credentials()
                .map(credentials -> request.addCredentials(BasicHttpCredentials.createBasicHttpCredentials(
                        credentials.username(), credentials.password())))
                .orElse(request);
    }

    private static String body(String channel) {
        String resource = "warm-up/" + channel + ".json";
        try (InputStream in = WarmUp.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
