package io.switchboard.domain.conference;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.entity.EntityRules;
import io.switchboard.domain.entity.EntitySettings;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.verb.Reply;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** One conference as an actor: its events handled one at a time, in order, answered by a {@link ConferenceFlow}. */
public final class ConferenceEntity {

    private ConferenceEntity() {
    }

    /**
     * @param flowExecutor       where the flow runs, never the actor's dispatcher
     * @param requestPassivation asks the owner to stop this entity (answered with {@link VoiceEntity.Stop})
     */
    public static Behavior<VoiceEntity.Command> create(ConferenceId conferenceId, ConferenceFlow flow, Executor flowExecutor,
                                                       EntitySettings settings,
                                                       Consumer<ActorRef<VoiceEntity.Command>> requestPassivation) {
        return VoiceEntity.create(new Rules(conferenceId, flow), flowExecutor, settings, requestPassivation);
    }

    private record Rules(ConferenceId conferenceId, ConferenceFlow flow) implements EntityRules<ConferenceEvent, ConferenceState> {
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
        public ConferenceState apply(ConferenceState state, ConferenceEvent event) {
            return state.apply(event);
        }

        @Override
        public Reply offer(ConferenceEvent event, ConferenceState stateAfterEvent) {
            return event.offerTo(flow, stateAfterEvent);
        }

        @Override
        public boolean hasEnded(ConferenceState state) {
            return state.hasEnded();
        }
    }
}
