package io.switchboard.application.sharding;

import akka.actor.typed.ActorSystem;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import io.switchboard.application.port.in.ReadinessQuery;

/**
 * Ready once this node is an Up member of the cluster; the shard regions are started before the HTTP port
 * opens, so being Up is what remains.
 */
public final class ClusterReadiness implements ReadinessQuery {
    private final Cluster cluster;

    public ClusterReadiness(ActorSystem<?> system) {
        this.cluster = Cluster.get(system);
    }

    @Override
    public boolean isReady() {
        MemberStatus status = cluster.selfMember().status();
        return status == MemberStatus.up() || status == MemberStatus.weaklyUp();
    }
}
