package io.switchboard.domain.call;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.entity.EntityRules;
import io.switchboard.domain.entity.EntitySettings;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.verb.Reply;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** One call leg as an actor: its events handled one at a time, in order, answered by a {@link CallFlow}. */
public final class CallEntity {

    private CallEntity() {
    }

    /**
     * @param flowExecutor       where the flow runs, never the actor's dispatcher
     * @param requestPassivation asks the owner to stop this entity (answered with {@link VoiceEntity.Stop})
     */
    public static Behavior<VoiceEntity.Command> create(CallId callId, CallFlow flow, Executor flowExecutor,
                                                       EntitySettings settings,
                                                       Consumer<ActorRef<VoiceEntity.Command>> requestPassivation) {
        return VoiceEntity.create(new Rules(callId, flow), flowExecutor, settings, requestPassivation);
    }

    private record Rules(CallId callId, CallFlow flow) implements EntityRules<CallEvent, CallState> {
        @Override
        public String entityId() {
            return callId.value();
        }

        @Override
        public String logKey() {
            return "callId";
        }

        @Override
        public Class<CallEvent> eventClass() {
            return CallEvent.class;
        }

        @Override
        public CallState initialState() {
            return CallState.initial(callId);
        }

        @Override
        public CallState apply(CallState state, CallEvent event) {
            return state.apply(event);
        }

        @Override
        public Reply offer(CallEvent event, CallState stateAfterEvent) {
            return event.offerTo(flow, stateAfterEvent);
        }

        @Override
        public boolean hasEnded(CallState state) {
            return state.hasEnded();
        }
    }
}
