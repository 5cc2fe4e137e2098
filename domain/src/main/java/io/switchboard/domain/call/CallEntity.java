package io.switchboard.domain.call;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import io.switchboard.domain.common.CallId;
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
 * One call leg as an entity: its events handled one at a time, in order, answered by the {@link CallFlow} of the
 * call's application. These are its pure rules, what any shell, in memory or journaled, runs.
 */
public final class CallEntity implements EntityRules<CallEvent, CallState> {

    private final CallId callId;
    private final ApplicationFlows flows;

    private CallEntity(CallId callId, ApplicationFlows flows) {
        this.callId = Objects.requireNonNull(callId, "callId");
        this.flows = Objects.requireNonNull(flows, "flows");
    }

    /**
     * The call as an in-memory actor.
     *
     * @param flowExecutor       where the flow runs, never the actor's dispatcher
     * @param requestPassivation asks the owner to stop this entity (answered with {@link VoiceEntity.Stop})
     */
    public static Behavior<VoiceEntity.Command> create(
            CallId callId,
            CallFlow flow,
            Executor flowExecutor,
            EntitySettings settings,
            Consumer<ActorRef<VoiceEntity.Command>> requestPassivation) {
        return InMemoryVoiceEntity.create(
                rules(callId, flow), EntityWiring.of(flowExecutor, settings, requestPassivation));
    }

    /** The rules of one call whose every event {@code flow} answers. */
    public static CallEntity rules(CallId callId, CallFlow flow) {
        return rules(callId, ApplicationFlows.only(flow));
    }

    /** The same, each event answered by the flow of the call's application. */
    public static CallEntity rules(CallId callId, ApplicationFlows flows) {
        return new CallEntity(callId, flows);
    }

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
    public CallState stateAfter(CallState state, CallEvent event) {
        return state.apply(event);
    }

    @Override
    public Reply askFlow(CallEvent event, CallState state, FlowContext context) {
        return event.offerTo(flows.flowFor(state.applicationId()), state, context);
    }

    /** As the flow of the call's application says ({@link CallFlow#mayBlock}). */
    @Override
    public boolean flowMayBlock(CallEvent event, CallState state) {
        return flows.flowFor(state.applicationId()).mayBlock();
    }

    @Override
    public boolean hasEnded(CallState state) {
        return state.hasEnded();
    }
}
