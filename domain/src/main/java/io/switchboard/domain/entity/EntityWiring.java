package io.switchboard.domain.entity;

import akka.actor.typed.ActorRef;
import io.switchboard.domain.control.CallControl;
import io.switchboard.domain.flow.FlowServices;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What an entity shell is given besides its {@link EntityRules}: where its flows run and what they may use, its
 * limits, and how it talks to its owner (the shard).
 *
 * @param flowExecutor       where flows run and their requests are issued: never the actor's own dispatcher
 * @param services           the flows' call control, flow data codec and side work
 * @param settings           the entity's limits and timeouts
 * @param requestPassivation asks the owner to stop the entity; it answers with {@link VoiceEntity.Stop}
 * @param retentionStarted   told once per incarnation, with the entity, when its retention after the end starts:
 *                           the owner may then send it {@link VoiceEntity.RetentionElapsed} sooner
 */
public record EntityWiring(
        Executor flowExecutor,
        FlowServices services,
        EntitySettings settings,
        Consumer<ActorRef<VoiceEntity.Command>> requestPassivation,
        Consumer<ActorRef<VoiceEntity.Command>> retentionStarted) {

    public EntityWiring {
        Objects.requireNonNull(flowExecutor, "flowExecutor");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(requestPassivation, "requestPassivation");
        Objects.requireNonNull(retentionStarted, "retentionStarted");
    }

    /** Flows without call control, and an owner that is not told when the retention starts. */
    public static EntityWiring of(
            Executor flowExecutor,
            EntitySettings settings,
            Consumer<ActorRef<VoiceEntity.Command>> requestPassivation) {
        return new EntityWiring(
                flowExecutor, FlowServices.of(CallControl.unavailable()), settings, requestPassivation, self -> {});
    }
}
