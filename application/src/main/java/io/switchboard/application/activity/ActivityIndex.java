package io.switchboard.application.activity;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.pubsub.Topic;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import io.switchboard.application.port.in.ActivityFilter;
import io.switchboard.application.port.in.ActivitySummary;
import io.switchboard.application.port.in.HandledEvent;
import java.util.List;

/**
 * The actor that owns one node's {@link ActivityRing}: it records the events this node answered, publishes each
 * to the cluster's live topic, and answers queries from any node, found through the receptionist.
 */
final class ActivityIndex {
    static final ServiceKey<Message> KEY = ServiceKey.create(Message.class, "switchboard-activity-index");

    /** What the index takes; queries come from other nodes, so every message is serializable. */
    sealed interface Message permits Record, Query {}

    /** An event this node answered. */
    record Record(HandledEvent event) implements Message {}

    /** The entries of this node that match, newest first, at most {@code filter.window()}. */
    record Query(ActivityFilter filter, ActorRef<Answer> replyTo) implements Message {}

    record Answer(List<ActivitySummary> matching) {}

    private ActivityIndex() {}

    static Behavior<Message> create(ActivitySettings settings, ActorRef<Topic.Command<HandledEvent>> live) {
        return Behaviors.setup(context -> {
            context.getSystem().receptionist().tell(Receptionist.register(KEY, context.getSelf()));
            ActivityRing ring = new ActivityRing(settings);
            return Behaviors.receive(Message.class)
                    .onMessage(Record.class, recorded -> {
                        ring.record(recorded.event());
                        live.tell(Topic.publish(recorded.event()));
                        return Behaviors.same();
                    })
                    .onMessage(Query.class, query -> {
                        query.replyTo().tell(new Answer(ring.matching(query.filter())));
                        return Behaviors.same();
                    })
                    .build();
        });
    }
}
