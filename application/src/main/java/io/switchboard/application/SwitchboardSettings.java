package io.switchboard.application;

import com.typesafe.config.Config;
import io.switchboard.application.admission.AdmissionSettings;
import io.switchboard.application.durability.DurabilitySettings;
import io.switchboard.domain.entity.EntitySettings;
import io.switchboard.domain.entity.FallbackPolicy;
import io.switchboard.domain.entity.HoldPolicy;
import io.switchboard.domain.verb.Response;
import java.time.Duration;

/**
 * The {@code switchboard} section of the configuration, read once at start-up. Defaults live in this module's
 * {@code reference.conf}.
 *
 * @param replyDeadline how long a webhook waits for its entity before it gets the fallback; keep it well under
 *                      Bandwidth's 15 s webhook timeout
 * @param askAgainAfter how long a webhook (or an admin query) waits for its entity before its message is sent
 *                      again, once: a message lost while its shard moved would otherwise wait out the deadline
 * @param queryTimeout  how long an admin query waits for an entity, or for each node's shard region
 * @param durability    whether entities keep their memory in a journal
 * @param admission     how many entities a node keeps resident before it refuses new calls
 * @param hold          what a call hears while its entity cannot be reached
 * @param maxHeldCalls  calls a node keeps on hold at once; past it, an unreachable call gets the fallback
 * @param heldCallsForgottenAfter how long a node remembers a held event whose redirect has not come back
 * @param answeredEventsKept      how many answered events a node keeps to answer their redeliveries itself
 * @param answeredEventsKeptFor   how long after its answer an event is kept for that
 * @param listenerBatchInterval   how long handled events gather before the listeners are told of them together
 */
public record SwitchboardSettings(
        Duration replyDeadline,
        Duration askAgainAfter,
        Duration queryTimeout,
        EntitySettings entity,
        DurabilitySettings durability,
        AdmissionSettings admission,
        HoldPolicy hold,
        int maxHeldCalls,
        Duration heldCallsForgottenAfter,
        long answeredEventsKept,
        Duration answeredEventsKeptFor,
        Duration listenerBatchInterval) {

    public SwitchboardSettings {
        if (listenerBatchInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "switchboard.listener-batch-interval must be 0s or more (0s: no wait), was "
                            + listenerBatchInterval);
        }
    }

    public static final String FLOW_DISPATCHER = "switchboard.flow-dispatcher";
    public static final String LISTENER_DISPATCHER = "switchboard.listener-dispatcher";

    /** The same settings for entities that keep their memory in memory, whatever the configured mode. */
    public SwitchboardSettings inMemory() {
        return new SwitchboardSettings(
                replyDeadline,
                askAgainAfter,
                queryTimeout,
                entity,
                durability.inMemory(),
                admission,
                hold,
                maxHeldCalls,
                heldCallsForgottenAfter,
                answeredEventsKept,
                answeredEventsKeptFor,
                listenerBatchInterval);
    }

    public static SwitchboardSettings from(Config root) {
        Config config = root.getConfig("switchboard");
        Config entity = config.getConfig("entity");
        DurabilitySettings durability = DurabilitySettings.from(config.getConfig("durability"));
        // A journaled entity forgets nothing when it leaves memory, so it stays resident less long.
        Config residency = durability.journaled() ? config.getConfig("durability.resident") : entity;
        Response apology = Response.builder()
                .speakSentence(config.getString("fallback.message"))
                .hangup()
                .build();
        return new SwitchboardSettings(
                config.getDuration("reply-deadline"),
                config.getDuration("ask-again-after"),
                config.getDuration("query-timeout"),
                new EntitySettings(
                        entity.getDuration("flow-timeout"),
                        residency.getDuration("idle-timeout"),
                        residency.getDuration("retention-after-end"),
                        entity.getInt("stash-capacity"),
                        entity.getInt("remembered-replies"),
                        new FallbackPolicy(apology),
                        entity.getDuration("inline-flow-budget")),
                durability,
                AdmissionSettings.from(
                        config.getConfig("admission"), Runtime.getRuntime().maxMemory()),
                new HoldPolicy(config.getDuration("hold.pause"), config.getInt("hold.max-holds-per-call")),
                config.getInt("hold.max-held-calls"),
                config.getDuration("hold.forget-after"),
                config.getLong("answered-events.max-entries"),
                config.getDuration("answered-events.keep-for"),
                config.getDuration("listener-batch-interval"));
    }
}
