package io.switchboard.application.sharding;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.cluster.sharding.typed.ClusterShardingSettings;
import akka.cluster.sharding.typed.javadsl.EntityContext;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.application.flow.FlowSupport;
import io.switchboard.application.port.in.HandleVoiceEventUseCase;
import io.switchboard.domain.call.ApplicationFlows;
import io.switchboard.domain.call.CallAnswered;
import io.switchboard.domain.call.CallEntity;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallRedirected;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceEntity;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.control.CallControl;
import io.switchboard.domain.entity.EntityRules;
import io.switchboard.domain.entity.EntitySettings;
import io.switchboard.domain.entity.EntityState;
import io.switchboard.domain.entity.EntityWiring;
import io.switchboard.domain.entity.InMemoryVoiceEntity;
import io.switchboard.domain.entity.ParkingSpot;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.flow.FlowServices;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Calls and conferences of the warm-up's own ({@link EntityKeys#WARM_UP}), so that a starting node runs the whole path
 * of an event (sharding's delivery and its coordinator, an entity, its flow, the reply) until the JIT has compiled it,
 * before Bandwidth's first webhooks instead of while they wait. Not Bandwidth's entity types: a flow of the user's may
 * act on the calls it sees (call control, data) and must never see invented ones. Their flows answer with a menu and
 * act on nothing; the entities keep their memory in memory whatever the durability mode, are not counted among the
 * node's resident entities, and are stopped by their shard once idle, so nothing is stored, counted or listed.
 */
public final class WarmUpEntities {

    /** What the warm-up's calls are answered with: a document with the verbs most replies carry. */
    private static final Response MENU = Response.builder()
            .gather(gather -> gather.maxDigits(1)
                    .firstDigitTimeout(5)
                    .speakSentence("Press 1 to talk to us, or 2 to leave a message."))
            .speakSentence("Goodbye.")
            .hangup()
            .build();

    /**
     * How long a warm-up entity stays after its last event: past a round of the warm-up, which sends each event twice
     * in quick succession, so that nothing of it stays for long.
     */
    private static final Duration IDLE_AFTER = Duration.ofSeconds(5);

    private WarmUpEntities() {}

    /**
     * Starts the warm-up's entity types on this node and returns the handler that hands events to them, as the
     * served types' handler does, with no listener. Every node starts them, warm-up or not: a type's coordinator
     * runs on the oldest node, which must have started it for the others' warm-ups to find their entities.
     *
     * @param flowsMayBlock whether the served flows may block: the warm-up's flows run where theirs do (the flow pool
     *                      or the entity's thread)
     */
    public static HandleVoiceEventUseCase start(
            ActorSystem<?> system, SwitchboardSettings settings, boolean flowsMayBlock) {
        SwitchboardSettings inMemory = settings.inMemory();
        Executor flowExecutor = EntityRegistration.flowExecutor(system);
        FlowServices services = FlowSupport.services(system, CallControl.unavailable());
        ClusterShardingSettings sharding = ClusterShardingSettings.create(system);
        ClusterShardingSettings stoppedWhenIdle = sharding.withPassivationStrategy(
                sharding.passivationStrategySettings().withIdleEntityPassivation(IDLE_AFTER));
        ApplicationFlows callFlows = ApplicationFlows.only(new MenuFlow(flowsMayBlock));
        ConferenceFlow conferenceFlow = new QuietConferenceFlow(flowsMayBlock);
        EntityRegistration.register(
                system,
                EntityKeys.WARM_UP_CALL,
                stoppedWhenIdle,
                context -> inMemory(
                        context,
                        CallEntity.rules(CallId.of(context.getEntityId()), callFlows),
                        flowExecutor,
                        services,
                        inMemory.entity()));
        EntityRegistration.register(
                system,
                EntityKeys.WARM_UP_CONFERENCE,
                stoppedWhenIdle,
                context -> inMemory(
                        context,
                        ConferenceEntity.rules(ConferenceId.of(context.getEntityId()), conferenceFlow),
                        flowExecutor,
                        services,
                        inMemory.entity()));
        return new ShardedVoiceEventHandler(system, inMemory, List.of(), EntityKeys.WARM_UP);
    }

    /** The in-memory shell over {@code rules}, never parked, stopped through its shard. */
    private static <E extends VoiceEvent, S extends EntityState> Behavior<VoiceEntity.Command> inMemory(
            EntityContext<VoiceEntity.Command> context,
            EntityRules<E, S> rules,
            Executor flowExecutor,
            FlowServices services,
            EntitySettings settings) {
        EntityWiring wiring = new EntityWiring(
                flowExecutor, services, settings, EntityRegistration.passivationThrough(context), ended -> {});
        return InMemoryVoiceEntity.create(rules, wiring, ParkingSpot.none());
    }

    /** Answers with the defaults: an empty document where Bandwidth executes the reply. */
    private record QuietConferenceFlow(boolean mayBlock) implements ConferenceFlow {}

    /** Answers every event whose reply Bandwidth executes with the menu. */
    private record MenuFlow(boolean mayBlock) implements CallFlow {

        @Override
        public Reply onInitiate(CallInitiated event, CallState call) {
            return MENU;
        }

        @Override
        public Reply onAnswer(CallAnswered event, CallState call) {
            return MENU;
        }

        @Override
        public Reply onGather(GatherCompleted event, CallState call) {
            return MENU;
        }

        @Override
        public Reply onRedirect(CallRedirected event, CallState call) {
            return MENU;
        }
    }
}
