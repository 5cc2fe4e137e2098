package io.switchboard.application.port.in;

/** Whether this node can take webhooks, and whether it is worth keeping alive. */
public interface ReadinessQuery {
    /** Its cluster member is up, its shard regions run, and (durable mode) its journal stores. */
    boolean isReady();

    /** False when only a restart can help it, as when its journal has been unable to store for long. */
    default boolean isLive() {
        return true;
    }
}
