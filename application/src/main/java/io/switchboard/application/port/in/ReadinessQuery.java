package io.switchboard.application.port.in;

/** Whether this node can take webhooks: its cluster member is up and its shard regions run. */
public interface ReadinessQuery {
    boolean isReady();
}
