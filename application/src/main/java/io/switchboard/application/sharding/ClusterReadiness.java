package io.switchboard.application.sharding;

import akka.actor.typed.ActorSystem;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import io.switchboard.application.durability.JournalHealth;
import io.switchboard.application.port.in.ReadinessQuery;
import java.util.Optional;

/**
 * Ready once this node is an Up member of the cluster (the shard regions are started before the HTTP port opens,
 * so being Up is what remains) and, in journal mode, while its journal stores; not live once the journal has
 * been unable to store for longer than {@code switchboard.durability.outage.not-live-after}.
 */
public final class ClusterReadiness implements ReadinessQuery {
    private final Cluster cluster;
    private final Optional<JournalHealth> journalHealth;

    /** Entities in memory: the cluster alone decides. */
    public ClusterReadiness(ActorSystem<?> system) {
        this(system, Optional.empty());
    }

    public ClusterReadiness(ActorSystem<?> system, Optional<JournalHealth> journalHealth) {
        this.cluster = Cluster.get(system);
        this.journalHealth = journalHealth;
    }

    @Override
    public boolean isReady() {
        MemberStatus status = cluster.selfMember().status();
        return (status == MemberStatus.up() || status == MemberStatus.weaklyUp())
                && journalHealth.map(JournalHealth::storing).orElse(true);
    }

    @Override
    public boolean isLive() {
        return journalHealth.map(JournalHealth::live).orElse(true);
    }
}
