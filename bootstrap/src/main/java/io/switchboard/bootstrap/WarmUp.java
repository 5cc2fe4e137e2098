package io.switchboard.bootstrap;

import akka.Done;
import akka.actor.typed.ActorSystem;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.BasicHttpCredentials;
import akka.japi.function.Function;
import akka.pattern.Patterns;
import com.typesafe.config.Config;
import io.switchboard.adapters.http.HttpSettings;
import io.switchboard.adapters.http.VoiceWebhookRoutes;
import io.switchboard.adapters.http.WebhookServer;
import io.switchboard.adapters.http.json.VoiceChannel;
import io.switchboard.application.port.in.HandleVoiceEventUseCase;
import io.switchboard.application.sharding.WarmUpEntities;
import io.switchboard.domain.entity.FallbackPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Before a node reports ready, and once it is a member of its cluster, representative webhooks of every contract
 * channel go the whole way a webhook goes: the node's own routes (authentication, reading the body, JSON decoding
 * and validation), sharding, an entity and its flow, BXML rendering; each round for calls and conferences of its own
 * and each webhook twice (the second a redelivery), again and again until the node answers them at
 * {@code switchboard.warm-up.until-rate} a second, for at most {@code switchboard.warm-up.max-duration}, so that the
 * JIT has compiled that code before Bandwidth's first webhooks arrive instead of while they wait. The entities are
 * the warm-up's own ({@link WarmUpEntities}), its routes have no monitor and its handler no listener: nothing is
 * stored, counted or listed.
 */
final class WarmUp {

    /** The contract's channels, one representative body each ({@code warm-up/<channel>.json}). */
    static final List<String> CHANNELS = Arrays.stream(VoiceChannel.values())
            .filter(VoiceChannel::inContract)
            .map(VoiceChannel::path)
            .toList();

    /**
     * How many warm-up webhooks were answered, how many of them 200, the time the warm-up took, and whether it was
     * over because the node answered at the rate sought (or else because its time was up).
     */
    record Result(int webhooks, int answered, Duration took, boolean atRate) {}

    /**
     * How long the rate the node answers the warm-up at is measured over: long enough for many rounds once the path
     * is compiled, short enough to stop soon after.
     */
    static final Duration RATE_WINDOW = Duration.ofMillis(250);

    /** What the call and conference ids of the warm-up bodies contain: each run and round makes them its own. */
    private static final String ID_MARK = "switchboard-warm-up";

    private final ActorSystem<?> system;
    private final Function<HttpRequest, CompletionStage<HttpResponse>> routes;
    private final HttpSettings http;
    private final List<String> bodies;

    /** Webhooks through the routes of {@code http}, their events handed to {@code answering}. */
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

    /** {@code switchboard.warm-up.until-rate}: webhooks a second. */
    static int untilRate(Config config) {
        return config.getInt("switchboard.warm-up.until-rate");
    }

    /**
     * Sends every channel's webhook, round after round, until the node answers them 200 at {@code untilRate} a second
     * (over the last {@link #RATE_WINDOW}) or {@code maxDuration} has passed; over then even with a round still
     * waiting for its entities (a cluster still forming): the start waits no longer than that.
     */
    CompletionStage<Result> run(Duration maxDuration, int untilRate) {
        long started = System.nanoTime();
        Pace pace = new Pace(started + maxDuration.toNanos(), untilRate, started);
        CompletionStage<Done> timeUp = Patterns.after(
                maxDuration,
                system.classicSystem().scheduler(),
                system.executionContext(),
                () -> CompletableFuture.completedFuture(Done.getInstance()));
        // Its own calls and conferences: the warm-ups of nodes starting together must not share entities.
        String runId =
                ID_MARK + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        return rounds(pace, runId, 0)
                .applyToEitherAsync(
                        timeUp,
                        over -> new Result(
                                pace.answered.get(),
                                pace.answeredOk.get(),
                                Duration.ofNanos(System.nanoTime() - started),
                                pace.atRate),
                        Runnable::run);
    }

    /**
     * One round is every channel's webhook at once, as a node's traffic comes (every core takes part), then each
     * again, as Bandwidth redelivers. Each round's calls and conferences are new ones, so that every round decodes
     * and renders as a new event does, instead of being recognised as a redelivery of the round before.
     */
    private CompletionStage<Done> rounds(Pace pace, String runId, int round) {
        String roundId = runId + "-" + round;
        List<HttpRequest> requests = IntStream.range(0, CHANNELS.size())
                .mapToObj(i -> request(CHANNELS.get(i), bodies.get(i).replace(ID_MARK, roundId)))
                .toList();
        return sendAll(requests, pace)
                .thenComposeAsync(firsts -> sendAll(requests, pace), Runnable::run)
                .thenComposeAsync(
                        agains -> pace.goOn(System.nanoTime())
                                ? rounds(pace, runId, round + 1)
                                : CompletableFuture.completedFuture(Done.getInstance()),
                        system.executionContext());
    }

    /**
     * One run's count of answers, and when it is over: at its deadline, or once the webhooks of the last
     * {@link #RATE_WINDOW} were answered 200 at the rate sought. Answers are counted as they come; rounds run one
     * after the other, so the window is read and changed by one at a time.
     */
    private static final class Pace {
        private final long deadline;
        private final int untilRate;
        private final AtomicInteger answered = new AtomicInteger();
        private final AtomicInteger answeredOk = new AtomicInteger();
        private long windowStarted;
        private int okBefore;
        private volatile boolean atRate;

        Pace(long deadline, int untilRate, long started) {
            this.deadline = deadline;
            this.untilRate = untilRate;
            this.windowStarted = started;
        }

        void answered(boolean ok) {
            answered.incrementAndGet();
            if (ok) {
                answeredOk.incrementAndGet();
            }
        }

        boolean goOn(long now) {
            if (now >= deadline) {
                return false;
            }
            long window = now - windowStarted;
            if (window < RATE_WINDOW.toNanos()) {
                return true;
            }
            int ok = answeredOk.get();
            double rate = (ok - okBefore) * 1e9 / window;
            windowStarted = now;
            okBefore = ok;
            atRate = rate >= untilRate;
            return !atRate;
        }
    }

    /** Sends every one of {@code requests} at once; done when each is answered. */
    private CompletionStage<Void> sendAll(List<HttpRequest> requests, Pace pace) {
        return CompletableFuture.allOf(requests.stream()
                .map(request -> answered(request, pace).toCompletableFuture())
                .toArray(CompletableFuture[]::new));
    }

    private CompletionStage<Void> answered(HttpRequest request, Pace pace) {
        try {
            // On the completing thread: the route's stage comes from a Scala future, whose plain thenApply would
            // run on the JDK's common pool.
            return routes.apply(request)
                    .thenAcceptAsync(
                            response -> {
                                response.discardEntityBytes(system);
                                pace.answered(response.status().equals(StatusCodes.OK));
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
