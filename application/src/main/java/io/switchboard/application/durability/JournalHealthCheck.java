package io.switchboard.application.durability;

import akka.actor.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Akka Management's probes ({@code /ready}, {@code /alive}) of the journal, named in
 * {@code akka.management.health-checks} by the service in journal mode; Akka Management creates them with the
 * actor system.
 */
public final class JournalHealthCheck {
    private JournalHealthCheck() {}

    /** Ready while the journal stores. */
    public static final class Readiness implements Supplier<CompletionStage<Boolean>> {
        private final JournalHealth health;

        public Readiness(ActorSystem system) {
            this.health = JournalHealth.get(Adapter.toTyped(system));
        }

        @Override
        public CompletionStage<Boolean> get() {
            return CompletableFuture.completedFuture(health.storing());
        }
    }

    /** Live unless the journal has been unable to store for longer than {@code outage.not-live-after}. */
    public static final class Liveness implements Supplier<CompletionStage<Boolean>> {
        private final JournalHealth health;

        public Liveness(ActorSystem system) {
            this.health = JournalHealth.get(Adapter.toTyped(system));
        }

        @Override
        public CompletionStage<Boolean> get() {
            return CompletableFuture.completedFuture(health.live());
        }
    }
}
