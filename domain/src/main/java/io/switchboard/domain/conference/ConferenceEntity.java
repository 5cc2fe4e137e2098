package io.switchboard.domain.conference;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.entity.EntityRules;
import io.switchboard.domain.entity.EntitySettings;
import io.switchboard.domain.entity.EntityWiring;
import io.switchboard.domain.entity.InMemoryVoiceEntity;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One conference as an entity: its events handled one at a time, in order, answered by a {@link ConferenceFlow}.
 * These are its pure rules, what any shell, in memory or journaled, runs.
 */
public final class ConferenceEntity implements EntityRules<ConferenceEvent, ConferenceState> {

    private final ConferenceId conferenceId;
    private final ConferenceFlow flow;

    private ConferenceEntity(ConferenceId conferenceId, ConferenceFlow flow) {
        this.conferenceId = Objects.requireNonNull(conferenceId, "conferenceId");
        this.flow = Objects.requireNonNull(flow, "flow");
    }

    /**
     * The conference as an in-memory actor.
     *
     * @param flowExecutor       where the flow runs, never the actor's dispatcher
     * @param requestPassivation asks the owner to stop this entity (answered with {@link VoiceEntity.Stop})
     */
    public static Behavior<VoiceEntity.Command> create(
            ConferenceId conferenceId,
            ConferenceFlow flow,
            Executor flowExecutor,
            EntitySettings settings,
            Consumer<ActorRef<VoiceEntity.Command>> requestPassivation) {
        return InMemoryVoiceEntity.create(
                rules(conferenceId, flow), EntityWiring.of(flowExecutor, settings, requestPassivation));
    }

    /** The rules of one conference whose events {@code flow} answers. */
    public static ConferenceEntity rules(ConferenceId conferenceId, ConferenceFlow flow) {
        return new ConferenceEntity(conferenceId, flow);
    }

    @Override
    public String entityId() {
        return conferenceId.value();
    }

    @Override
    public String logKey() {
        return "conferenceId";
    }

    @Override
    public Class<ConferenceEvent> eventClass() {
        return ConferenceEvent.class;
    }

    @Override
    public ConferenceState initialState() {
        return ConferenceState.initial(conferenceId);
    }

    @Override
    public ConferenceState stateAfter(ConferenceState state, ConferenceEvent event) {
        return state.apply(event);
    }

    @Override
    public Reply askFlow(ConferenceEvent event, ConferenceState state, FlowContext context) {
        return event.offerTo(flow, state, context);
    }

    /** As the conference flow says ({@link ConferenceFlow#mayBlock}). */
    @Override
    public boolean flowMayBlock(ConferenceEvent event, ConferenceState state) {
        return flow.mayBlock();
    }

    @Override
    public boolean hasEnded(ConferenceState state) {
        return state.hasEnded();
    }
}
