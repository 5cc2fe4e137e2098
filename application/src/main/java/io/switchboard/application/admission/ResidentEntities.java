package io.switchboard.application.admission;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.BehaviorInterceptor;
import akka.actor.typed.Extension;
import akka.actor.typed.ExtensionId;
import akka.actor.typed.PostStop;
import akka.actor.typed.Signal;
import akka.actor.typed.TypedActorContext;
import akka.actor.typed.javadsl.Behaviors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The call and conference entities resident on this node, counted as they start and stop: what admission weighs
 * against its ceiling, cheap to read on every webhook. One per actor system.
 */
public final class ResidentEntities implements Extension {
    private static final Id ID = new Id();

    private final AtomicInteger resident = new AtomicInteger();

    private ResidentEntities() {}

    public static ResidentEntities get(ActorSystem<?> system) {
        return ID.apply(system);
    }

    public int count() {
        return resident.get();
    }

    /** {@code entity}, counted from its start to its stop, whatever stops it. */
    public <T> Behavior<T> counted(Class<T> protocol, Behavior<T> entity) {
        return Behaviors.setup(context -> {
            resident.incrementAndGet();
            return Behaviors.intercept(() -> new CountedUntilStop<>(protocol), entity);
        });
    }

    private final class CountedUntilStop<T> extends BehaviorInterceptor<T, T> {
        CountedUntilStop(Class<T> protocol) {
            super(protocol);
        }

        @Override
        public Behavior<T> aroundReceive(TypedActorContext<T> context, T message, ReceiveTarget<T> target) {
            return target.apply(context, message);
        }

        @Override
        public Behavior<T> aroundSignal(TypedActorContext<T> context, Signal signal, SignalTarget<T> target) {
            if (signal instanceof PostStop) {
                resident.decrementAndGet();
            }
            return target.apply(context, signal);
        }
    }

    private static final class Id extends ExtensionId<ResidentEntities> {
        @Override
        public ResidentEntities createExtension(ActorSystem<?> system) {
            return new ResidentEntities();
        }
    }
}
