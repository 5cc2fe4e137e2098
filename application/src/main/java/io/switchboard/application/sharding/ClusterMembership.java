package io.switchboard.application.sharding;

import akka.actor.typed.ActorSystem;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;

/** How this node enters its cluster. */
public final class ClusterMembership {

    private ClusterMembership() {}

    /**
     * With no seed nodes configured the node forms a cluster of its own, so a single node needs no setup and
     * adding nodes later is configuration, not code. With seed nodes Akka joins them by itself.
     *
     * @return whether this node joined itself
     */
    public static boolean joinSelfUnlessSeeded(ActorSystem<?> system) {
        if (!system.settings().config().getStringList("akka.cluster.seed-nodes").isEmpty()) {
            return false;
        }
        Cluster cluster = Cluster.get(system);
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
        return true;
    }
}
