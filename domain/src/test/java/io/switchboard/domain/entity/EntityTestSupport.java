package io.switchboard.domain.entity;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.BehaviorInterceptor;
import akka.actor.typed.TypedActorContext;
import akka.actor.typed.javadsl.Behaviors;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.verb.Response;
import java.time.Duration;

/** Settings and instrumentation shared by the entity tests. */
public final class EntityTestSupport {
    public static final Duration FLOW_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration RETENTION = Duration.ofSeconds(30);
    public static final Response FALLBACK = Response.builder()
            .speakSentence("We are sorry, something went wrong. Goodbye.")
            .hangup()
            .build();

    /** Test-kit settings: real-time waits generous enough for a loaded 2-core machine; timers on manual time. */
    public static final String TESTKIT_CONFIG = """
            akka.loglevel = WARNING
            akka.actor.testkit.typed.single-expect-default = 10s
            akka.actor.testkit.typed.expect-no-message-default = 300ms
            """;

    private EntityTestSupport() {}

    public static EntitySettings settings() {
        return settings(16);
    }

    public static EntitySettings settings(int stashCapacity) {
        return settings(stashCapacity, 32);
    }

    public static EntitySettings settings(int stashCapacity, int rememberedReplies) {
        return new EntitySettings(
                FLOW_TIMEOUT, IDLE_TIMEOUT, RETENTION, stashCapacity, rememberedReplies, new FallbackPolicy(FALLBACK));
    }

    /** Sends {@code event} to {@code entity}, its reply to go to {@code replies}. */
    public static void send(ActorRef<VoiceEntity.Command> entity, VoiceEvent event, TestProbe<EventReply> replies) {
        entity.tell(new VoiceEntity.Handle(event, replies.getRef()));
    }

    /** Sends {@code event} to {@code entity} and waits for its reply. */
    public static EventReply ask(
            ActorRef<VoiceEntity.Command> entity, VoiceEvent event, TestProbe<EventReply> replies) {
        send(entity, event, replies);
        return replies.receiveMessage();
    }

    /** What {@code entity} reports when inspected. */
    public static EntityInspection inspect(ActorTestKit testKit, ActorRef<VoiceEntity.Command> entity) {
        TestProbe<EntityInspection> probe = testKit.createTestProbe();
        entity.tell(new VoiceEntity.Inspect(probe.getRef()));
        return probe.receiveMessage();
    }

    /**
     * {@code entity}, reporting the event of each {@link VoiceEntity.Handle} to {@code handled} once the entity
     * has fully processed that message (so its timers for it are started). A synchronisation point for
     * manual-time tests; it changes nothing in what the entity does.
     */
    public static Behavior<VoiceEntity.Command> reportingHandled(
            Behavior<VoiceEntity.Command> entity, ActorRef<VoiceEvent> handled) {
        return Behaviors.intercept(
                () -> new BehaviorInterceptor<VoiceEntity.Command, VoiceEntity.Command>(VoiceEntity.Command.class) {
                    @Override
                    public Behavior<VoiceEntity.Command> aroundReceive(
                            TypedActorContext<VoiceEntity.Command> context,
                            VoiceEntity.Command message,
                            ReceiveTarget<VoiceEntity.Command> target) {
                        Behavior<VoiceEntity.Command> next = target.apply(context, message);
                        if (message instanceof VoiceEntity.Handle handle) {
                            handled.tell(handle.event());
                        }
                        return next;
                    }
                },
                entity);
    }
}
