package io.switchboard.application.sharding;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.cluster.sharding.typed.ClusterShardingSettings;
import akka.cluster.sharding.typed.ShardingEnvelope;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.Entity;
import akka.cluster.sharding.typed.javadsl.EntityContext;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.actor.typed.Behavior;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.domain.call.CallEntity;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.conference.ConferenceEntity;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.entity.VoiceEntity;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** Starts the call and conference shard regions on this node, with the flows that answer their events. */
public final class EntityRegistration {

    private EntityRegistration() {
    }

    /** Starts both shard regions; idempotent per node, as {@link ClusterSharding#init} is. */
    public static void init(ActorSystem<?> system, CallFlow callFlow, ConferenceFlow conferenceFlow,
                            SwitchboardSettings settings) {
        Executor flowExecutor = system.dispatchers().lookup(
                DispatcherSelector.fromConfig(SwitchboardSettings.FLOW_DISPATCHER));
        register(system, EntityKeys.CALL, (context, passivate) -> CallEntity.create(
                CallId.of(context.getEntityId()), callFlow, flowExecutor, settings.entity(), passivate));
        register(system, EntityKeys.CONFERENCE, (context, passivate) -> ConferenceEntity.create(
                ConferenceId.of(context.getEntityId()), conferenceFlow, flowExecutor, settings.entity(), passivate));
    }

    private static ActorRef<ShardingEnvelope<VoiceEntity.Command>> register(
            ActorSystem<?> system, EntityTypeKey<VoiceEntity.Command> key,
            BiFunction<EntityContext<VoiceEntity.Command>, Consumer<ActorRef<VoiceEntity.Command>>,
                    Behavior<VoiceEntity.Command>> behavior) {
        return ClusterSharding.get(system).init(
                Entity.of(key, context -> behavior.apply(context, self ->
                                context.getShard().tell(new ClusterSharding.Passivate<>(self))))
                        .withStopMessage(VoiceEntity.Stop.INSTANCE)
                        // The entities passivate themselves (idle and retention timers): sharding's own
                        // idle passivation would forget quiet calls in the middle of a conference.
                        .withSettings(ClusterShardingSettings.create(system).withNoPassivationStrategy()));
    }
}
