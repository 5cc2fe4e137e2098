package io.switchboard.application.port.in;

/** How many call and conference entities are active (resident in memory) on one node. */
public record EntityCounts(int calls, int conferences) {
    public EntityCounts {
        if (calls < 0 || conferences < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + calls + ", " + conferences);
        }
    }
}
