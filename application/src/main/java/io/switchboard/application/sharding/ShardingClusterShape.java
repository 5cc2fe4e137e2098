package io.switchboard.application.sharding;

import akka.actor.Address;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import akka.cluster.ClusterEvent.CurrentClusterState;
import akka.cluster.Member;
import akka.cluster.sharding.ShardRegion;
import akka.cluster.sharding.typed.GetClusterShardingStats;
import akka.cluster.sharding.typed.GetShardRegionState;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.cluster.typed.Cluster;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.application.port.in.ClusterShape;
import io.switchboard.application.port.in.ClusterShapeQuery;
import io.switchboard.application.port.in.EntityCounts;
import io.switchboard.domain.entity.VoiceEntity;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The cluster's shape from sharding's own statistics ({@code GetClusterShardingStats}, which asks every node's
 * shard region) and this node's view of the membership.
 */
public final class ShardingClusterShape implements ClusterShapeQuery {
    private final ActorSystem<?> system;
    private final ClusterSharding sharding;
    private final Cluster cluster;
    private final Duration timeout;
    private final Executor executor;

    public ShardingClusterShape(ActorSystem<?> system, SwitchboardSettings settings) {
        this.system = system;
        this.sharding = ClusterSharding.get(system);
        this.cluster = Cluster.get(system);
        this.timeout = settings.queryTimeout();
        this.executor = system.executionContext();
    }

    @Override
    public CompletionStage<ClusterShape> clusterShape() {
        return stats(EntityKeys.CALL).thenCombineAsync(stats(EntityKeys.CONFERENCE), this::shape, executor);
    }

    @Override
    public CompletionStage<EntityCounts> localEntities() {
        return localEntities(EntityKeys.CALL)
                .thenCombineAsync(localEntities(EntityKeys.CONFERENCE), EntityCounts::new, executor);
    }

    @Override
    public Map<String, Integer> membersByStatus() {
        return StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
                .collect(Collectors.groupingBy(member -> member.status().toString(), Collectors.summingInt(m -> 1)));
    }

    @Override
    public int unreachableMembers() {
        return cluster.state().getUnreachable().size();
    }

    /**
     * Every region gets {@code timeout} to answer the region that gathers the statistics; the ask waits twice
     * that, so a slow region costs its counts, not the whole answer.
     */
    private CompletionStage<ShardRegion.ClusterShardingStats> stats(EntityTypeKey<VoiceEntity.Command> key) {
        return AskPattern.ask(
                sharding.shardState(),
                replyTo -> new GetClusterShardingStats(key, timeout, replyTo),
                timeout.multipliedBy(2),
                system.scheduler());
    }

    private CompletionStage<Integer> localEntities(EntityTypeKey<VoiceEntity.Command> key) {
        CompletionStage<ShardRegion.CurrentShardRegionState> state = AskPattern.ask(
                sharding.shardState(), replyTo -> new GetShardRegionState(key, replyTo), timeout, system.scheduler());
        return state.thenApplyAsync(
                region -> region.getShards().stream()
                        .mapToInt(shard -> shard.getEntityIds().size())
                        .sum(),
                executor);
    }

    private ClusterShape shape(ShardRegion.ClusterShardingStats calls, ShardRegion.ClusterShardingStats conferences) {
        CurrentClusterState state = cluster.state();
        Set<Member> unreachable = state.getUnreachable();
        Map<String, ShardRegion.ClusterShardingStats> byType =
                Map.of(EntityKeys.CALL.name(), calls, EntityKeys.CONFERENCE.name(), conferences);
        List<ClusterShape.Node> nodes = StreamSupport.stream(state.getMembers().spliterator(), false)
                .map(member -> node(member, !unreachable.contains(member), byType))
                .toList();
        Address leader = state.getLeader();
        return new ClusterShape(
                cluster.selfMember().address().toString(), leader == null ? null : leader.toString(), nodes);
    }

    private static ClusterShape.Node node(
            Member member, boolean reachable, Map<String, ShardRegion.ClusterShardingStats> byType) {
        Map<String, Integer> shards = new HashMap<>();
        Map<String, Integer> entities = new HashMap<>();
        byType.forEach((type, stats) -> {
            ShardRegion.ShardRegionStats region = stats.getRegions().get(member.address());
            if (region != null) {
                shards.put(type, region.getStats().size());
                entities.put(
                        type,
                        region.getStats().values().stream()
                                .mapToInt(n -> ((Number) n).intValue())
                                .sum());
            }
        });
        return new ClusterShape.Node(
                member.address().toString(),
                member.status().toString(),
                member.getRoles(),
                reachable,
                shards,
                entities);
    }
}
