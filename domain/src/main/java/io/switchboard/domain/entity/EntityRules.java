package io.switchboard.domain.entity;

import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;

/**
 * What makes a call entity differ from a conference entity: how its state evolves and who is asked for a reply.
 * Implemented by {@link io.switchboard.domain.call.CallEntity} and
 * {@link io.switchboard.domain.conference.ConferenceEntity}; {@link EntityLogic} takes its decisions from them, and
 * the actor shells ({@link InMemoryVoiceEntity}, the journaled one in {@code application}) are the same for
 * both. What a reply may contain is the event's to say ({@link VoiceEvent#replyContext()}), not the entity's.
 *
 * @param <E> the events this entity handles
 * @param <S> its state
 */
public interface EntityRules<E extends VoiceEvent, S extends EntityState> {

    /** The id of the call or conference, as logged. */
    String entityId();

    /** The MDC key under which log lines carry the id: {@code callId} or {@code conferenceId}. */
    String logKey();

    /** The kind of events this entity accepts; any other is refused as misrouted. */
    Class<E> eventClass();

    /** The state before the first event. */
    S initialState();

    /** The state after {@code event}; pure. */
    S stateAfter(S state, E event);

    /**
     * Asks the user's flow about {@code event}, given the state after it and the event's context; called off the
     * actor's thread when the flow {@linkplain #flowMayBlock may block}, and may throw.
     */
    Reply askFlow(E event, S state, FlowContext context);

    /** Whether the flow that answers {@code event} may block, so must run off the entity's thread. */
    boolean flowMayBlock(E event, S state);

    /** Whether the state is final: the call or conference is over. */
    boolean hasEnded(S state);
}
