package io.switchboard.application.port.in;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A snapshot of the cluster, as seen from the node that answered.
 *
 * @param self   the address of the node that answered
 * @param leader the address of the cluster's leader; {@code null} while there is none
 * @param nodes  every member, ordered by address
 */
public record ClusterShape(String self, String leader, List<Node> nodes) {
    public ClusterShape {
        Objects.requireNonNull(self, "self");
        nodes = List.copyOf(nodes);
    }

    /**
     * One member.
     *
     * @param status    its membership status: Joining, WeaklyUp, Up, Leaving, Exiting, Down or Removed
     * @param reachable whether the failure detector of the answering node can reach it
     * @param shards    per entity type ({@code Call}, {@code Conference}), how many shards it hosts; a type is
     *                  missing when the node's region did not answer in time
     * @param entities  per entity type, how many entities are active on it; same keys as {@code shards}
     */
    public record Node(
            String address,
            String status,
            Set<String> roles,
            boolean reachable,
            Map<String, Integer> shards,
            Map<String, Integer> entities) {
        public Node {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(status, "status");
            roles = Set.copyOf(roles);
            shards = Map.copyOf(shards);
            entities = Map.copyOf(entities);
        }
    }
}
