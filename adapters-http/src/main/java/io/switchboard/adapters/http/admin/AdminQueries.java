package io.switchboard.adapters.http.admin;

import io.switchboard.adapters.http.metrics.ReplyHistory;
import io.switchboard.application.port.in.ActivityQuery;
import io.switchboard.application.port.in.ClusterShapeQuery;
import io.switchboard.application.port.in.EntityQuery;
import java.util.Objects;

/** What the admin API and the console ask: the entities, the cluster, the activity index, this node's replies. */
public record AdminQueries(
        EntityQuery entities, ClusterShapeQuery cluster, ActivityQuery activity, ReplyHistory history) {
    public AdminQueries {
        Objects.requireNonNull(entities, "entities");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(history, "history");
    }
}
