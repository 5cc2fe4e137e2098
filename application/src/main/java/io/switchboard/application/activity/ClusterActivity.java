package io.switchboard.application.activity;

import akka.NotUsed;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.pubsub.Topic;
import akka.actor.typed.receptionist.Receptionist;
import akka.cluster.typed.Cluster;
import akka.stream.OverflowStrategy;
import akka.stream.javadsl.Source;
import akka.stream.typed.javadsl.ActorSource;
import io.switchboard.application.port.in.ActivityFilter;
import io.switchboard.application.port.in.ActivityPage;
import io.switchboard.application.port.in.ActivityQuery;
import io.switchboard.application.port.in.ActivitySummary;
import io.switchboard.application.port.in.HandledEvent;
import io.switchboard.application.port.out.VoiceEventListener;
import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.call.CallEvent;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceCompleted;
import io.switchboard.domain.conference.ConferenceEvent;
import io.switchboard.domain.entity.EventReply;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Recent and live activity across the cluster. Each node indexes the events it answered (this class is one of
 * its event listeners) in a bounded ring owned by an actor registered with the receptionist; a query asks every
 * node's index and merges their answers; the live stream subscribes to a cluster-wide topic each index
 * publishes to.
 */
public final class ClusterActivity implements ActivityQuery, VoiceEventListener {
    private static final String TOPIC = "switchboard-activity-live";

    private final ActorSystem<?> system;
    private final ActivitySettings settings;
    private final Duration timeout;
    private final Clock clock;
    private final Executor executor;
    private final String node;
    private final ActorRef<Topic.Command<HandledEvent>> live;
    private final ActorRef<ActivityIndex.Message> index;

    public ClusterActivity(ActorSystem<?> system, ActivitySettings settings, Duration queryTimeout, Clock clock) {
        this.system = system;
        this.settings = settings;
        this.timeout = queryTimeout;
        this.clock = clock;
        this.executor = system.executionContext();
        this.node = Cluster.get(system).selfMember().address().toString();
        this.live = system.systemActorOf(Topic.create(HandledEvent.class, TOPIC), "activity-live", Props.empty());
        this.index = system.systemActorOf(ActivityIndex.create(settings, live), "activity-index", Props.empty());
    }

    @Override
    public void onHandled(VoiceEvent event, EventReply reply, Duration latency) {
        handled(event, reply, latency).ifPresent(handled -> index.tell(new ActivityIndex.Record(handled)));
    }

    private Optional<HandledEvent> handled(VoiceEvent event, EventReply reply, Duration latency) {
        HandledEvent.EntityKind kind;
        String from = null;
        String to = null;
        String tag;
        if (event instanceof CallEvent call) {
            kind = HandledEvent.EntityKind.CALL;
            from = call.call().from();
            to = call.call().to();
            tag = call.call().tag();
        } else if (event instanceof ConferenceEvent conference) {
            kind = HandledEvent.EntityKind.CONFERENCE;
            tag = conference.conference().tag();
        } else {
            return Optional.empty();
        }
        return Optional.of(new HandledEvent(
                kind,
                event.entityId(),
                event.eventType(),
                event.eventTime(),
                clock.instant(),
                node,
                latency.toMillis(),
                reply.origin().name(),
                reply.origin().isFallback(),
                from,
                to,
                tag,
                event instanceof CallDisconnected || event instanceof ConferenceCompleted));
    }

    @Override
    public CompletionStage<ActivityPage> recent(ActivityFilter filter) {
        CompletionStage<Receptionist.Listing> listing = AskPattern.ask(
                system.receptionist(),
                replyTo -> Receptionist.find(ActivityIndex.KEY, replyTo),
                timeout,
                system.scheduler());
        return listing.thenComposeAsync(
                found -> {
                    List<ActorRef<ActivityIndex.Message>> indexes =
                            List.copyOf(found.getServiceInstances(ActivityIndex.KEY));
                    List<CompletableFuture<Optional<ActivityIndex.Answer>>> answers = indexes.stream()
                            .map(nodeIndex -> ask(nodeIndex, filter))
                            .toList();
                    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                            .thenApplyAsync(all -> page(filter, indexes, answers), executor);
                },
                executor);
    }

    private CompletableFuture<Optional<ActivityIndex.Answer>> ask(
            ActorRef<ActivityIndex.Message> nodeIndex, ActivityFilter filter) {
        CompletionStage<ActivityIndex.Answer> answer = AskPattern.ask(
                nodeIndex, replyTo -> new ActivityIndex.Query(filter, replyTo), timeout, system.scheduler());
        // A node that does not answer in time is missing from the page, not a failed page.
        return answer.handleAsync(
                        (found, failure) ->
                                failure == null ? Optional.of(found) : Optional.<ActivityIndex.Answer>empty(),
                        executor)
                .toCompletableFuture();
    }

    private ActivityPage page(
            ActivityFilter filter,
            List<ActorRef<ActivityIndex.Message>> indexes,
            List<CompletableFuture<Optional<ActivityIndex.Answer>>> answers) {
        Map<String, ActivitySummary> merged = new LinkedHashMap<>();
        List<String> unanswered = new ArrayList<>();
        for (int i = 0; i < indexes.size(); i++) {
            Optional<ActivityIndex.Answer> answer = answers.get(i).join();
            if (answer.isEmpty()) {
                unanswered.add(indexes.get(i).path().address().toString());
                continue;
            }
            for (ActivitySummary summary : answer.get().matching()) {
                merged.merge(
                        summary.kind() + "/" + summary.id(),
                        summary,
                        (known, more) -> known.merge(more, settings.eventsPerEntity()));
            }
        }
        List<ActivitySummary> newestFirst =
                merged.values().stream().sorted(ActivitySummary.NEWEST_FIRST).toList();
        int from = Math.min(filter.offset(), newestFirst.size());
        int to = Math.min(filter.end(), newestFirst.size());
        return new ActivityPage(
                newestFirst.subList(from, to),
                filter.offset(),
                filter.limit(),
                newestFirst.size() > filter.end(),
                indexes.size() - unanswered.size(),
                unanswered);
    }

    @Override
    public Source<HandledEvent, NotUsed> live(int bufferSize) {
        return ActorSource.<HandledEvent>actorRef(
                        event -> false, event -> Optional.empty(), bufferSize, OverflowStrategy.fail())
                .mapMaterializedValue(viewer -> {
                    // The topic watches its subscribers: a viewer whose stream ends is dropped with its actor.
                    live.tell(Topic.subscribe(viewer));
                    return NotUsed.getInstance();
                });
    }
}
