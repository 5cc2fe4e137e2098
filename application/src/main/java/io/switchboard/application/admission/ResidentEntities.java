package io.switchboard.application.admission;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.BehaviorInterceptor;
import akka.actor.typed.Extension;
import akka.actor.typed.ExtensionId;
import akka.actor.typed.PostStop;
import akka.actor.typed.Signal;
import akka.actor.typed.TypedActorContext;
import akka.actor.typed.javadsl.Behaviors;
import io.switchboard.domain.entity.VoiceEntity;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The call and conference entities resident on this node, counted as they start and stop: what admission weighs
 * against its ceiling, cheap to read on every webhook. It also knows which of them have ended, in the order they
 * ended: those stay only for late events and redeliveries, so they are the first to leave when admission needs
 * room. One per actor system.
 */
public final class ResidentEntities implements Extension {
    private static final Id ID = new Id();

    private final AtomicInteger resident = new AtomicInteger();
    private final AtomicInteger endedResident = new AtomicInteger();
    private final LongAdder evicted = new LongAdder();
    /**
     * The ended entities, oldest ending first. One that has stopped since is skipped by {@link #evictOldestEnded}
     * and dropped once it reaches the head: ended entities leave about in the order they ended (their retention is
     * the same), so the queue holds about the ended entities still resident.
     */
    private final Queue<Residence> ended = new ConcurrentLinkedQueue<>();

    private ResidentEntities() {}

    public static ResidentEntities get(ActorSystem<?> system) {
        return ID.apply(system);
    }

    public int count() {
        return resident.get();
    }

    /** Resident entities that have ended and wait out their retention (including any asked to leave already). */
    public int endedCount() {
        return endedResident.get();
    }

    /** Ended entities asked to leave early, to make room for a new call, since the node started. */
    public long evictedCount() {
        return evicted.sum();
    }

    /**
     * {@code entity}, counted from its start to its stop, whatever stops it. {@code entity} is made with what it
     * tells once it has ended (its retention started), so that it can be asked to leave early.
     */
    public Behavior<VoiceEntity.Command> counted(
            Function<Consumer<ActorRef<VoiceEntity.Command>>, Behavior<VoiceEntity.Command>> entity) {
        return Behaviors.setup(context -> {
            resident.incrementAndGet();
            Residence residence = new Residence();
            return Behaviors.intercept(() -> residence, entity.apply(residence::ended));
        });
    }

    /**
     * Asks the resident entity that ended first to leave now, as its retention timer would: it asks its shard to
     * passivate it. False when no ended entity is resident.
     */
    public boolean evictOldestEnded() {
        for (Residence oldest = ended.poll(); oldest != null; oldest = ended.poll()) {
            if (!oldest.stopped) {
                oldest.entity.tell(VoiceEntity.RetentionElapsed.INSTANCE);
                evicted.increment();
                return true;
            }
        }
        return false;
    }

    /** Drops the stopped entities at the head of {@link #ended}. */
    private void dropStoppedOldest() {
        for (Residence oldest = ended.peek(); oldest != null && oldest.stopped; oldest = ended.peek()) {
            ended.remove(oldest);
        }
    }

    /** One entity's residence: counts its stop, and its end. The interceptor each entity carries anyway. */
    private final class Residence extends BehaviorInterceptor<VoiceEntity.Command, VoiceEntity.Command> {
        /** The entity, once it has ended. */
        private ActorRef<VoiceEntity.Command> entity;
        /** Read by admission on other threads. */
        private volatile boolean stopped;

        Residence() {
            super(VoiceEntity.Command.class);
        }

        /** On the entity's thread, once per incarnation. */
        void ended(ActorRef<VoiceEntity.Command> self) {
            entity = self;
            endedResident.incrementAndGet();
            dropStoppedOldest();
            // Published to admission's threads by the queue.
            ended.offer(this);
        }

        @Override
        public Behavior<VoiceEntity.Command> aroundReceive(
                TypedActorContext<VoiceEntity.Command> context,
                VoiceEntity.Command message,
                ReceiveTarget<VoiceEntity.Command> target) {
            return target.apply(context, message);
        }

        @Override
        public Behavior<VoiceEntity.Command> aroundSignal(
                TypedActorContext<VoiceEntity.Command> context,
                Signal signal,
                SignalTarget<VoiceEntity.Command> target) {
            if (signal instanceof PostStop) {
                stopped = true;
                resident.decrementAndGet();
                if (entity != null) {
                    endedResident.decrementAndGet();
                    dropStoppedOldest();
                }
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
