package io.switchboard.domain.entity;

import io.switchboard.domain.verb.Reply;

/**
 * The pure part of an entity: how its state evolves and who is asked for a reply. {@link VoiceEntity} is
 * the actor shell around it, the same for calls and conferences.
 *
 * @param <E> the events this entity handles
 * @param <S> its state
 */
public interface EntityRules<E, S> {

    /** The id of the call or conference, as logged. */
    String entityId();

    /** The MDC key under which log lines carry {@link #entityId()}: {@code callId} or {@code conferenceId}. */
    String logKey();

    /** The kind of events this entity accepts; any other is refused as misrouted. */
    Class<E> eventClass();

    S initialState();

    /** The state after {@code event}. Pure. */
    S apply(S state, E event);

    /** Runs the user's flow for {@code event}; called off the actor's thread, may throw. */
    Reply offer(E event, S stateAfterEvent);

    boolean hasEnded(S state);
}
