package io.switchboard.application.sharding;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.DispatcherSelector;
import akka.cluster.sharding.typed.ClusterShardingSettings;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.Entity;
import akka.cluster.sharding.typed.javadsl.EntityContext;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.application.admission.ResidentEntities;
import io.switchboard.application.durability.DurabilitySettings;
import io.switchboard.application.durability.DurableVoiceEntity;
import io.switchboard.application.durability.EndedEntityRetention;
import io.switchboard.application.flow.FlowSupport;
import io.switchboard.domain.call.ApplicationFlows;
import io.switchboard.domain.call.CallEntity;
import io.switchboard.domain.call.CallFlow;
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
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/** Starts the call and conference shard regions on this node, with the flows that answer their events. */
public final class EntityRegistration {

    private EntityRegistration() {}

    /**
     * Starts both shard regions, with the in-memory or the durable entity shell as
     * {@code switchboard.durability.mode} says, and in journal mode the retention job of ended entities (a
     * cluster singleton); idempotent per node, as {@link ClusterSharding#init} is.
     */
    public static void init(
            ActorSystem<?> system, CallFlow callFlow, ConferenceFlow conferenceFlow, SwitchboardSettings settings) {
        init(system, callFlow, conferenceFlow, CallControl.unavailable(), settings);
    }

    /**
     * The same, with flows that steer calls and conferences through {@code callControl}, keep their data as JSON
     * and start side work, as {@code switchboard.flow-data} and {@code switchboard.side-work} bound them.
     */
    public static void init(
            ActorSystem<?> system,
            CallFlow callFlow,
            ConferenceFlow conferenceFlow,
            CallControl callControl,
            SwitchboardSettings settings) {
        init(system, ApplicationFlows.only(callFlow), conferenceFlow, callControl, settings);
    }

    /** The same, each call answered by the flow of its Bandwidth application. */
    public static void init(
            ActorSystem<?> system,
            ApplicationFlows callFlows,
            ConferenceFlow conferenceFlow,
            CallControl callControl,
            SwitchboardSettings settings) {
        Executor flowExecutor = flowExecutor(system);
        DurabilitySettings durability = settings.durability();
        FlowServices services = FlowSupport.services(system, callControl);
        ClusterShardingSettings passivation = passivation(system, settings);
        ResidentEntities resident = ResidentEntities.get(system);
        register(
                system,
                EntityKeys.CALL,
                passivation,
                context -> resident.counted(retentionStarted -> shell(
                        system,
                        context,
                        CallEntity.rules(CallId.of(context.getEntityId()), callFlows),
                        flowExecutor,
                        services,
                        settings,
                        retentionStarted)));
        register(
                system,
                EntityKeys.CONFERENCE,
                passivation,
                context -> resident.counted(retentionStarted -> shell(
                        system,
                        context,
                        ConferenceEntity.rules(ConferenceId.of(context.getEntityId()), conferenceFlow),
                        flowExecutor,
                        services,
                        settings,
                        retentionStarted)));
        if (durability.journaled()) {
            EndedEntityRetention.init(
                    system, durability, settings.queryTimeout(), List.of(EntityKeys.CALL, EntityKeys.CONFERENCE));
        }
    }

    /** The entity's actor: the journaled shell over {@code rules}, or the in-memory one. */
    private static <E extends VoiceEvent, S extends EntityState> Behavior<VoiceEntity.Command> shell(
            ActorSystem<?> system,
            EntityContext<VoiceEntity.Command> context,
            EntityRules<E, S> rules,
            Executor flowExecutor,
            FlowServices services,
            SwitchboardSettings settings,
            Consumer<ActorRef<VoiceEntity.Command>> retentionStarted) {
        DurabilitySettings durability = settings.durability();
        EntityWiring wiring = new EntityWiring(
                flowExecutor, services, settings.entity(), passivationThrough(context), retentionStarted);
        return durability.journaled()
                ? DurableVoiceEntity.create(persistenceId(context), rules, wiring, durability.snapshotEvery())
                : InMemoryVoiceEntity.create(rules, wiring, parkingSpot(system, context, settings.entity()));
    }

    /** Where an in-memory entity parks when idle; nowhere if it would reach its idle timeout first. */
    private static <S extends EntityState> ParkingSpot<S> parkingSpot(
            ActorSystem<?> system, EntityContext<VoiceEntity.Command> context, EntitySettings settings) {
        ParkedEntities parked = ParkedEntities.get(system);
        return parked.parks(settings)
                ? parked.spot(context.getEntityTypeKey(), context.getEntityId(), settings)
                : ParkingSpot.none();
    }

    /**
     * Idle entities are stopped by their shard (one check per shard, no timer per entity) when they park;
     * otherwise they passivate themselves (idle and retention timers): sharding's own idle passivation would
     * forget quiet calls in the middle of a conference.
     */
    private static ClusterShardingSettings passivation(ActorSystem<?> system, SwitchboardSettings settings) {
        ClusterShardingSettings sharding = ClusterShardingSettings.create(system);
        ParkedEntities parked = ParkedEntities.get(system);
        return !settings.durability().journaled() && parked.parks(settings.entity())
                ? sharding.withPassivationStrategy(
                        sharding.passivationStrategySettings().withIdleEntityPassivation(parked.parkAfter()))
                : sharding.withNoPassivationStrategy();
    }

    /** {@code Call|<callId>}, {@code Conference|<conferenceId>}: the entity type's name keeps the two apart. */
    static PersistenceId persistenceId(EntityContext<VoiceEntity.Command> context) {
        return PersistenceId.of(context.getEntityTypeKey().name(), context.getEntityId());
    }

    /** How an entity of {@code context} asks its shard to passivate it. */
    static Consumer<ActorRef<VoiceEntity.Command>> passivationThrough(EntityContext<VoiceEntity.Command> context) {
        return self -> context.getShard().tell(new ClusterSharding.Passivate<>(self));
    }

    /** The flow pool: where an entity runs a flow that may block. */
    static Executor flowExecutor(ActorSystem<?> system) {
        return system.dispatchers().lookup(DispatcherSelector.fromConfig(SwitchboardSettings.FLOW_DISPATCHER));
    }

    static void register(
            ActorSystem<?> system,
            EntityTypeKey<VoiceEntity.Command> key,
            ClusterShardingSettings sharding,
            Function<EntityContext<VoiceEntity.Command>, Behavior<VoiceEntity.Command>> entity) {
        ClusterSharding.get(system)
                .init(Entity.of(key, entity::apply)
                        .withStopMessage(VoiceEntity.Stop.INSTANCE)
                        .withSettings(sharding));
    }
}
