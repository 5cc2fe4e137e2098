package io.switchboard.bootstrap;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Extension;
import akka.actor.typed.ExtensionId;
import akka.actor.typed.javadsl.Adapter;
import io.switchboard.application.port.in.ReadinessQuery;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Whether this node's warm-up ({@link WarmUp}) is over: until it is, the node is not ready on either port, while
 * both ports serve (the management port's Cluster Bootstrap routes are how the node finds its cluster, which the
 * warm-up waits for). One per actor system.
 */
public final class WarmUpState implements Extension {
    private volatile boolean over;

    static WarmUpState get(ActorSystem<?> system) {
        return Id.INSTANCE.apply(system);
    }

    void over() {
        over = true;
    }

    boolean isOver() {
        return over;
    }

    /** {@code node}'s readiness, not ready before the warm-up is over. */
    ReadinessQuery gating(ReadinessQuery node) {
        return new ReadinessQuery() {
            @Override
            public boolean isReady() {
                return over && node.isReady();
            }

            @Override
            public boolean isLive() {
                return node.isLive();
            }
        };
    }

    /** The management port's {@code /ready} check (application.conf); Akka Management makes it with the system. */
    public static final class Readiness implements Supplier<CompletionStage<Boolean>> {
        private final WarmUpState state;

        public Readiness(akka.actor.ActorSystem system) {
            this.state = WarmUpState.get(Adapter.toTyped(system));
        }

        @Override
        public CompletionStage<Boolean> get() {
            return CompletableFuture.completedFuture(state.isOver());
        }
    }

    private static final class Id extends ExtensionId<WarmUpState> {
        private static final Id INSTANCE = new Id();

        @Override
        public WarmUpState createExtension(ActorSystem<?> system) {
            return new WarmUpState();
        }
    }
}
