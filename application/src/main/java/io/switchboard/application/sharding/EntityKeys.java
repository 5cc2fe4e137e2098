package io.switchboard.application.sharding;

import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import io.switchboard.domain.entity.VoiceEntity;

/** The sharded entity types. Their names are part of the cluster's state: never rename them in a rolling update. */
public final class EntityKeys {
    public static final EntityTypeKey<VoiceEntity.Command> CALL =
            EntityTypeKey.create(VoiceEntity.Command.class, "Call");
    public static final EntityTypeKey<VoiceEntity.Command> CONFERENCE =
            EntityTypeKey.create(VoiceEntity.Command.class, "Conference");

    private EntityKeys() {}
}
