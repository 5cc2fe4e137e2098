package io.switchboard.domain.entity;

import akka.actor.typed.ActorRef;
import io.switchboard.domain.common.VoiceEvent;
import java.time.Instant;

/**
 * What a call or conference entity understands, whichever shell runs it ({@link InMemoryVoiceEntity}, or the
 * journaled one in {@code application}): the messages its owner and the rest of the service send it. Its shells'
 * own messages (timers, a flow's result) are theirs, not public.
 */
public final class VoiceEntity {

    private VoiceEntity() {}

    /** A message to an entity. */
    public interface Command {}

    /**
     * Handle {@code event} and send the reply to {@code replyTo}.
     *
     * @param receivedAt when the service received the event; its timeline shows it
     */
    public record Handle(VoiceEvent event, ActorRef<EventReply> replyTo, Instant receivedAt, boolean copy)
            implements Command {
        /** An event received now. */
        public Handle(VoiceEvent event, ActorRef<EventReply> replyTo) {
            this(event, replyTo, Instant.now(), false);
        }

        /**
         * The same event, reply address and arrival, sent again by its sender because no reply came in time (the
         * first may have been lost at a hand-over): if the entity has answered the original, the copy is no
         * redelivery of Bandwidth's and joins no timeline.
         */
        public Handle asCopy() {
            return new Handle(event, replyTo, receivedAt, true);
        }
    }

    /**
     * {@code event} came again and was answered already, with the reply its entity gave before, by whoever kept
     * that reply (the node that received it): the entity only records it on its timeline, as if it had answered it.
     * An entity that does not know the event (it forgot it, or started since) leaves it at that: it was answered.
     */
    public record Redelivered(VoiceEvent event, Instant receivedAt) implements Command {}

    /**
     * Report the state and the recent events to {@code replyTo}, at once, even while a flow works. It does not
     * count as activity: an inspected entity passivates as if nobody had looked, and one that has answered no
     * event (started by this very inspection) asks to be passivated straight away.
     */
    public record Inspect(ActorRef<EntityInspection> replyTo) implements Command {}

    /** Stop: the message the shard sends once passivation was asked for, or to hand the entity over. */
    public enum Stop implements Command {
        INSTANCE
    }

    /**
     * The retention after the end has passed (the entity's own timer); or the owner, told the entity has ended,
     * needs the room sooner (memory admission at its ceiling). Either way the ended entity asks to be passivated.
     */
    public enum RetentionElapsed implements Command {
        INSTANCE
    }
}
