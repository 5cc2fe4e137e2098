package io.switchboard.domain.conference;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.entity.EntityRules;
import io.switchboard.domain.entity.EntitySettings;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.ReplyContext;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** One conference as an actor: its events handled one at a time, in order, answered by a {@link ConferenceFlow}. */
public final class ConferenceEntity {

    private ConferenceEntity() {}

    /**
     * @param flowExecutor       where the flow runs, never the actor's dispatcher
     * @param requestPassivation asks the owner to stop this entity (answered with {@link VoiceEntity.Stop})
     */
    public static Behavior<VoiceEntity.Command> create(
            ConferenceId conferenceId,
            ConferenceFlow flow,
            Executor flowExecutor,
            EntitySettings settings,
            Consumer<ActorRef<VoiceEntity.Command>> requestPassivation) {
        return VoiceEntity.create(rules(conferenceId, flow), flowExecutor, settings, requestPassivation);
    }

    /** The pure rules of one conference: what any shell, in memory or durable, runs. */
    public static EntityRules<ConferenceEvent, ConferenceState> rules(ConferenceId conferenceId, ConferenceFlow flow) {
        return new EntityRules<>(
                conferenceId.value(),
                "conferenceId",
                ConferenceEvent.class,
                () -> ConferenceState.initial(conferenceId),
                ConferenceState::apply,
                new ConferenceFlowCall(flow),
                ConferenceState::hasEnded,
                event -> ReplyContext.CONFERENCE);
    }

    /** Asks the conference flow, on the thread its {@link ConferenceFlow#mayBlock} allows. */
    private record ConferenceFlowCall(ConferenceFlow flow)
            implements EntityRules.FlowCall<ConferenceEvent, ConferenceState> {
        @Override
        public Reply apply(ConferenceEvent event, ConferenceState state, FlowContext context) {
            return event.offerTo(flow, state, context);
        }

        @Override
        public boolean mayBlock(ConferenceEvent event, ConferenceState state) {
            return flow.mayBlock();
        }
    }
}
