package io.switchboard.testkit.flow;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.AskPattern;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.application.flow.FlowSupport;
import io.switchboard.application.port.in.HandleVoiceEventUseCase;
import io.switchboard.domain.call.CallEntity;
import io.switchboard.domain.call.CallEvent;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceEntity;
import io.switchboard.domain.conference.ConferenceEvent;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.control.CallControl;
import io.switchboard.domain.entity.EntityInspection;
import io.switchboard.domain.entity.EntityWiring;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.InMemoryVoiceEntity;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.flow.FlowData;
import io.switchboard.domain.flow.FlowServices;
import io.switchboard.testkit.simulator.InProcessReply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The inbound port without a cluster: the real call and conference entities (the same behaviours sharding
 * runs, so ordering, {@code Reply.later}, flow timeouts, redelivery and the BXML-rule fallback all behave as in
 * the service) as plain actors of one local actor system.
 */
public final class LocalVoiceEventHandler implements HandleVoiceEventUseCase {
    private static final AtomicLong ENTITY_NAMES = new AtomicLong();

    private final ActorSystem<?> system;
    private final CallFlow callFlow;
    private final ConferenceFlow conferenceFlow;
    private final SwitchboardSettings settings;
    private final Executor flowExecutor;
    private final FlowServices services;
    private final Map<String, ActorRef<VoiceEntity.Command>> entities = new ConcurrentHashMap<>();
    private final FlowWatch watch;

    public LocalVoiceEventHandler(
            ActorSystem<?> system, CallFlow callFlow, ConferenceFlow conferenceFlow, SwitchboardSettings settings) {
        this(system, callFlow, conferenceFlow, CallControl.unavailable(), settings);
    }

    /**
     * Entities whose flows' call-control requests go to {@code callControl}; their data and side work are the
     * service's (JSON, bounded as {@code switchboard.flow-data} and {@code switchboard.side-work} say).
     */
    public LocalVoiceEventHandler(
            ActorSystem<?> system,
            CallFlow callFlow,
            ConferenceFlow conferenceFlow,
            CallControl callControl,
            SwitchboardSettings settings) {
        this.system = Objects.requireNonNull(system, "system");
        this.services = FlowSupport.services(system, Objects.requireNonNull(callControl, "callControl"));
        this.callFlow = Objects.requireNonNull(callFlow, "callFlow");
        this.conferenceFlow = Objects.requireNonNull(conferenceFlow, "conferenceFlow");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.watch = new FlowWatch(settings.entity());
        this.flowExecutor =
                system.dispatchers().lookup(DispatcherSelector.fromConfig(SwitchboardSettings.FLOW_DISPATCHER));
    }

    @Override
    public CompletionStage<EventReply> handle(VoiceEvent event) {
        return answer(event).thenApply(InProcessReply::reply);
    }

    /**
     * Routes {@code event} as {@link #handle} does, and says what HTTP cannot: why a fallback went out (the
     * exception the flow threw, the BXML rules its document broke, the timeout it missed) and the state the flow
     * was given.
     */
    public CompletionStage<InProcessReply> answer(VoiceEvent event) {
        ActorRef<VoiceEntity.Command> entity = entityFor(event);
        if (entity == null) {
            return CompletableFuture.completedFuture(
                    InProcessReply.of(settings.entity().fallback().replyTo(event, ReplyOrigin.MISROUTED)));
        }
        return AskPattern.<VoiceEntity.Command, EventReply>ask(
                        entity,
                        replyTo -> new VoiceEntity.Handle(event, replyTo),
                        settings.replyDeadline(),
                        system.scheduler())
                // Not thenApply: that would run on the JDK's common pool, a new thread per task on two cores or fewer.
                .handleAsync(
                        (reply, failure) -> failure == null
                                ? reply
                                : settings.entity().fallback().replyTo(event, ReplyOrigin.DEADLINE_EXCEEDED),
                        system.executionContext())
                .thenApply(reply -> watch.answered(event, reply));
    }

    /**
     * The flow data of the call {@code callId} as its entity holds it now; empty when its flow set none, or the
     * entity is gone. Waits for the entity at most {@code timeout}: for tests, never for an actor's thread.
     */
    public Optional<FlowData> callFlowData(CallId callId, Duration timeout) {
        ActorRef<VoiceEntity.Command> entity = entities.get("call/" + callId.value());
        if (entity == null) {
            return Optional.empty();
        }
        try {
            EntityInspection inspection = AskPattern.<VoiceEntity.Command, EntityInspection>ask(
                            entity, VoiceEntity.Inspect::new, timeout, system.scheduler())
                    .toCompletableFuture()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.ofNullable(inspection.flowData());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + callId + " for its flow data", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(callId + " did not report its flow data within " + timeout, e);
        }
    }

    private ActorRef<VoiceEntity.Command> entityFor(VoiceEvent event) {
        if (event instanceof CallEvent call) {
            String id = call.callId().value();
            return entities.computeIfAbsent(
                    "call/" + id,
                    key -> spawn(
                            key,
                            InMemoryVoiceEntity.create(
                                    watch.watching(CallEntity.rules(CallId.of(id), callFlow)), wiring(key))));
        }
        if (event instanceof ConferenceEvent conference) {
            String id = conference.conferenceId().value();
            return entities.computeIfAbsent(
                    "conference/" + id,
                    key -> spawn(
                            key,
                            InMemoryVoiceEntity.create(
                                    watch.watching(ConferenceEntity.rules(ConferenceId.of(id), conferenceFlow)),
                                    wiring(key))));
        }
        return null;
    }

    /** What the entity {@code key} runs with: its flows' executor and services, and this handler as its owner. */
    private EntityWiring wiring(String key) {
        return new EntityWiring(flowExecutor, services, settings.entity(), self -> passivate(key, self), self -> {});
    }

    private ActorRef<VoiceEntity.Command> spawn(String key, akka.actor.typed.Behavior<VoiceEntity.Command> entity) {
        String name = URLEncoder.encode(key, StandardCharsets.UTF_8) + "-" + ENTITY_NAMES.incrementAndGet();
        return system.systemActorOf(entity, name, Props.empty());
    }

    /** What sharding does on passivation: forget the entity, then stop it; its next event starts a fresh one. */
    private void passivate(String key, ActorRef<VoiceEntity.Command> entity) {
        entities.remove(key, entity);
        entity.tell(VoiceEntity.Stop.INSTANCE);
    }
}
