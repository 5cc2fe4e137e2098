package io.switchboard.application.sharding;

import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import io.switchboard.domain.entity.VoiceEntity;

/** The sharded entity types. Their names are part of the cluster's state: never rename them in a rolling update. */
public final class EntityKeys {
    public static final EntityTypeKey<VoiceEntity.Command> CALL =
            EntityTypeKey.create(VoiceEntity.Command.class, "Call");
    public static final EntityTypeKey<VoiceEntity.Command> CONFERENCE =
            EntityTypeKey.create(VoiceEntity.Command.class, "Conference");
    /** The warm-up's calls and conferences, apart from Bandwidth's: {@link WarmUpEntities}. */
    public static final EntityTypeKey<VoiceEntity.Command> WARM_UP_CALL =
            EntityTypeKey.create(VoiceEntity.Command.class, "WarmUpCall");

    public static final EntityTypeKey<VoiceEntity.Command> WARM_UP_CONFERENCE =
            EntityTypeKey.create(VoiceEntity.Command.class, "WarmUpConference");

    /** The entity types of Bandwidth's calls and conferences. */
    public static final EntityTypes SERVED = new EntityTypes(CALL, CONFERENCE);
    /** The entity types of the warm-up's. */
    public static final EntityTypes WARM_UP = new EntityTypes(WARM_UP_CALL, WARM_UP_CONFERENCE);

    /** Where a handler hands call events and conference events. */
    public record EntityTypes(EntityTypeKey<VoiceEntity.Command> call, EntityTypeKey<VoiceEntity.Command> conference) {}

    private EntityKeys() {}
}
