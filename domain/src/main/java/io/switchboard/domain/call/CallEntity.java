package io.switchboard.domain.call;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.entity.EntityRules;
import io.switchboard.domain.entity.EntitySettings;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.ReplyContext;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** One call leg as an actor: its events handled one at a time, in order, answered by a {@link CallFlow}. */
public final class CallEntity {

    private CallEntity() {}

    /**
     * @param flowExecutor       where the flow runs, never the actor's dispatcher
     * @param requestPassivation asks the owner to stop this entity (answered with {@link VoiceEntity.Stop})
     */
    public static Behavior<VoiceEntity.Command> create(
            CallId callId,
            CallFlow flow,
            Executor flowExecutor,
            EntitySettings settings,
            Consumer<ActorRef<VoiceEntity.Command>> requestPassivation) {
        return VoiceEntity.create(rules(callId, flow), flowExecutor, settings, requestPassivation);
    }

    /** The pure rules of one call: what any shell, in memory or durable, runs. */
    public static EntityRules<CallEvent, CallState> rules(CallId callId, CallFlow flow) {
        return rules(callId, ApplicationFlows.only(flow));
    }

    /** The same, each event answered by the flow of the call's application. */
    public static EntityRules<CallEvent, CallState> rules(CallId callId, ApplicationFlows flows) {
        return new EntityRules<>(
                callId.value(),
                "callId",
                CallEvent.class,
                () -> CallState.initial(callId),
                CallState::apply,
                new ApplicationFlowCall(flows),
                CallState::hasEnded,
                event -> event instanceof TransferAnswered ? ReplyContext.TRANSFER_ANSWER : ReplyContext.CALL);
    }

    /** Asks the flow of the call's application, on the thread its {@link CallFlow#mayBlock} allows. */
    private record ApplicationFlowCall(ApplicationFlows flows) implements EntityRules.FlowCall<CallEvent, CallState> {
        @Override
        public Reply apply(CallEvent event, CallState state, FlowContext context) {
            return event.offerTo(flows.flowFor(state.applicationId()), state, context);
        }

        @Override
        public boolean mayBlock(CallEvent event, CallState state) {
            return flows.flowFor(state.applicationId()).mayBlock();
        }
    }
}
