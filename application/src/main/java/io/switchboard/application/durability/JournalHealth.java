package io.switchboard.application.durability;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Extension;
import akka.actor.typed.ExtensionId;
import akka.pattern.CircuitBreaker;
import com.typesafe.config.Config;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node's journal can store events, shared by everything that must know (one per actor system):
 * the entities report a store that failed, the webhook handler asks before it hands an event on, the readiness
 * and liveness probes read it, the metrics count it.
 *
 * <p>A circuit breaker: the first failed store opens it, and while it is open every event is answered
 * {@link EventReply#notStored()} at once (503 with Retry-After: Bandwidth retries, then uses the application's
 * fallback URL) instead of waiting for a store that will fail. Every
 * {@code switchboard.durability.outage.probe-interval} one event goes through as a probe; once one is stored the breaker closes and the node serves again by itself.
 * An outage is logged when it starts and when it ends, never per event.
 */
public final class JournalHealth implements Extension {
    private static final Logger log = LoggerFactory.getLogger(JournalHealth.class);

    private final CircuitBreaker breaker;
    private final Duration notLiveAfter;
    private final AtomicReference<Long> downSince = new AtomicReference<>();
    private final AtomicLong outages = new AtomicLong();
    private final AtomicLong unstoredEvents = new AtomicLong();

    private JournalHealth(ActorSystem<?> system) {
        Config outage = system.settings().config().getConfig("switchboard.durability.outage");
        this.notLiveAfter = outage.getDuration("not-live-after");
        // The probe's own deadline: the webhook handler's ask times out first.
        Duration callTimeout = system.settings()
                .config()
                .getDuration("switchboard.reply-deadline")
                .multipliedBy(2);
        this.breaker = new CircuitBreaker(
                system.classicSystem().dispatcher(),
                system.classicSystem().scheduler(),
                1,
                callTimeout,
                outage.getDuration("probe-interval"));
        // Only a failed store opens a closed breaker (a probe that fails reopens a half-open one: the same outage),
        // so the outage starts in storeFailed, at once; the close is seen by a listener, which runs later.
        breaker.addOnCloseListener(this::closed);
    }

    public static JournalHealth get(ActorSystem<?> system) {
        return Id.INSTANCE.apply(system);
    }

    /** A store failed (the entity's journal write, or its recovery): opens the breaker. */
    public void storeFailed(Throwable cause) {
        if (downSince.compareAndSet(null, System.nanoTime())) {
            outages.incrementAndGet();
            log.error(
                    "the journal cannot store events ({}): webhooks get 503 with Retry-After until it can",
                    String.valueOf(cause));
        }
        breaker.fail();
    }

    /**
     * Hands an event on with {@code handling} while the journal stores; otherwise answers it {@code notStored} at
     * once, but for one probe per retry interval, whose outcome closes the breaker or keeps it open.
     */
    public CompletionStage<EventReply> whileStoring(Supplier<CompletionStage<EventReply>> handling) {
        // Counted on the thread that completes the answer: stages from Akka would otherwise start one per call.
        if (breaker.isClosed()) {
            return handling.get().thenApplyAsync(this::counted, Runnable::run);
        }
        return breaker.callWithCircuitBreakerCS(
                        handling::get,
                        (reply, failure) -> reply.map(answer -> answer.origin() == ReplyOrigin.NOT_STORED)
                                .orElse(false))
                .exceptionallyAsync(open -> EventReply.notStored(), Runnable::run)
                .thenApplyAsync(this::probed, Runnable::run);
    }

    private EventReply probed(EventReply reply) {
        if (reply.origin() != ReplyOrigin.NOT_STORED) {
            // The breaker's own close may run after the reply has gone out: a 200 would meet a node still not ready.
            breaker.succeed();
        }
        return counted(reply);
    }

    private EventReply counted(EventReply reply) {
        if (reply.origin() == ReplyOrigin.NOT_STORED) {
            unstoredEvents.incrementAndGet();
        }
        return reply;
    }

    /** Whether the journal stores (the breaker is closed): the node is ready only then. */
    public boolean storing() {
        return breaker.isClosed();
    }

    /** False once the journal has been unable to store for longer than {@code outage.not-live-after}. */
    public boolean live() {
        return outageStart()
                .map(since -> System.nanoTime() - since < notLiveAfter.toNanos())
                .orElse(true);
    }

    /** Outages since the node started. */
    public long outages() {
        return outages.get();
    }

    /** Events answered {@link ReplyOrigin#NOT_STORED} since the node started. */
    public long unstoredEvents() {
        return unstoredEvents.get();
    }

    public Optional<Duration> downFor() {
        return outageStart().map(since -> Duration.ofNanos(System.nanoTime() - since));
    }

    /** When the outage under way began; none once the breaker has closed, even before its listener has run. */
    private Optional<Long> outageStart() {
        return Optional.ofNullable(downSince.get()).filter(since -> !breaker.isClosed());
    }

    private void closed() {
        if (!breaker.isClosed()) {
            return; // a store failed again before this listener ran: the outage goes on
        }
        Long since = downSince.getAndSet(null);
        if (since != null) {
            log.info(
                    "the journal stores again after {} ms ({} events answered 503 since the node started)",
                    Duration.ofNanos(System.nanoTime() - since).toMillis(),
                    unstoredEvents.get());
        }
    }

    private static final class Id extends ExtensionId<JournalHealth> {
        private static final Id INSTANCE = new Id();

        @Override
        public JournalHealth createExtension(ActorSystem<?> system) {
            return new JournalHealth(system);
        }
    }
}
