package io.switchboard.application.port.in;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** The cluster as sharding sees it: its members, and the shards and active entities each one holds. */
public interface ClusterShapeQuery {

    /**
     * Every member with its status and roles, and per node the shards and active entities of each entity type.
     * A node whose shard region did not answer within the query timeout has no counts.
     */
    CompletionStage<ClusterShape> clusterShape();

    /** The active entities of each type on this node only: cheap, for metrics. */
    CompletionStage<EntityCounts> localEntities();

    /** How many members this node sees in each membership status (Up, Leaving...); at once, from its own view. */
    Map<String, Integer> membersByStatus();

    /** How many members this node's failure detector cannot reach now. */
    int unreachableMembers();
}
