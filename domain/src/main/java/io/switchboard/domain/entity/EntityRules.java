package io.switchboard.domain.entity;

import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.ReplyContext;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What makes a call entity differ from a conference entity: how its state evolves and who is asked for a reply.
 * {@link EntityLogic} takes its decisions from them; the actor shells ({@link VoiceEntity} in memory, the durable
 * one in {@code application}) are the same for calls and conferences.
 *
 * @param entityId     the id of the call or conference, as logged
 * @param logKey       the MDC key under which log lines carry the id: {@code callId} or {@code conferenceId}
 * @param eventClass   the kind of events this entity accepts; any other is refused as misrouted
 * @param initialState makes the state before the first event; a supplier, not a state, so that an entity does
 *                     not keep its initial state beside its current one for its whole life
 * @param transition   the state after an event; pure
 * @param flowCall     runs the user's flow for an event, given the state after it and the event's context;
 *                     called off the actor's thread, may throw
 * @param ended        whether the state is final (the call or conference is over)
 * @param replyContext what kind of answer an event takes, which decides the verbs its BXML may hold
 *                     ({@link io.switchboard.domain.verb.BxmlRules}); a reply that breaks a rule is replaced
 *                     by the fallback
 * @param <E>          the events this entity handles
 * @param <S>          its state
 */
public record EntityRules<E, S extends EntityState>(
        String entityId,
        String logKey,
        Class<E> eventClass,
        Supplier<S> initialState,
        BiFunction<S, E, S> transition,
        FlowCall<E, S> flowCall,
        Predicate<S> ended,
        Function<E, ReplyContext> replyContext) {

    /** Asks the user's flow about one event. */
    @FunctionalInterface
    public interface FlowCall<E, S> {
        Reply apply(E event, S state, FlowContext context);

        /** Whether the flow that answers {@code event} may block, so must run off the entity's thread. */
        default boolean mayBlock(E event, S state) {
            return true;
        }
    }

    public EntityRules {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(logKey, "logKey");
        Objects.requireNonNull(eventClass, "eventClass");
        Objects.requireNonNull(initialState, "initialState");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(flowCall, "flowCall");
        Objects.requireNonNull(ended, "ended");
        Objects.requireNonNull(replyContext, "replyContext");
    }
}
