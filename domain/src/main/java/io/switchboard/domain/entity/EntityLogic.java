package io.switchboard.domain.entity;

import io.switchboard.domain.common.ReplyContext;
import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.control.CallControlRequest;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.BxmlRules;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.RuleViolation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Every decision an entity takes, as plain functions of its {@link EntityMemory} and the event: whether the event
 * is its own, whether it is a redelivery, the state the flow sees, what the flow's answer (or failure, or
 * silence) turns into, and how a {@link TimelineEntry} changes the memory. The two actor shells are thin layers
 * over it: {@link InMemoryVoiceEntity} keeps the memory in a field, the journaled shell (in {@code application})
 * stores each entry in a journal before replying and rebuilds the memory from the entries with the same
 * {@link #after}.
 *
 * @param <E> the events of the entity
 * @param <S> its state
 */
public final class EntityLogic<E extends VoiceEvent, S extends EntityState> {

    /** What to do with an event that reached the entity. */
    public sealed interface Decision<E extends VoiceEvent, S extends EntityState> {}

    /** Answer with {@code reply} and remember nothing: {@link Refuse} and {@link AnswerCopy} alike. */
    public sealed interface ReplyOnly<E extends VoiceEvent, S extends EntityState> extends Decision<E, S> {
        EventReply reply();
    }

    /** Not this entity's event (a wiring bug). */
    public record Refuse<E extends VoiceEvent, S extends EntityState>(EventReply reply) implements ReplyOnly<E, S> {}

    /** A copy its sender sent again ({@link VoiceEntity.Handle#asCopy}) of an event answered already. */
    public record AnswerCopy<E extends VoiceEvent, S extends EntityState>(EventReply reply)
            implements ReplyOnly<E, S> {}

    /**
     * A redelivery: {@code entry} holds the reply the event got before; it joins the timeline (without changing
     * the state), then the reply goes out. The flow does not run.
     */
    public record AnswerAgain<E extends VoiceEvent, S extends EntityState>(TimelineEntry entry)
            implements Decision<E, S> {}

    /**
     * A new event: the flow works on it, given the state after it. {@code working} is the memory with the event
     * applied and pending in the timeline, as an inspection shows it meanwhile.
     */
    public record RunFlow<E extends VoiceEvent, S extends EntityState>(
            E event, Instant receivedAt, EntityMemory<S> working) implements Decision<E, S> {}

    private final EntityRules<E, S> rules;
    private final EntitySettings settings;

    public EntityLogic(EntityRules<E, S> rules, EntitySettings settings) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public EntityRules<E, S> rules() {
        return rules;
    }

    public EntitySettings settings() {
        return settings;
    }

    /** The memory of an entity that has seen nothing. */
    public EntityMemory<S> emptyMemory() {
        return EntityMemory.empty(rules.initialState());
    }

    /** {@link #decide(EntityMemory, VoiceEvent, Instant, Logger)} for {@code handle}, a copy as such. */
    public Decision<E, S> decide(EntityMemory<S> memory, VoiceEntity.Handle handle, Logger log) {
        Decision<E, S> decision = decide(memory, handle.event(), handle.receivedAt(), log);
        return handle.copy() && decision instanceof AnswerAgain<E, S> again
                ? new AnswerCopy<>(again.entry().reply())
                : decision;
    }

    @SuppressWarnings("unchecked")
    public Decision<E, S> decide(EntityMemory<S> memory, VoiceEvent event, Instant receivedAt, Logger log) {
        // An event of another kind, or of another call or conference, is a wiring bug; applying it would throw.
        if (!rules.eventClass().isInstance(event) || !rules.entityId().equals(event.entityId())) {
            log.error("{} event of {} misrouted to this entity", event.eventType(), event.entityId());
            return new Refuse<>(settings.fallback().replyTo(event, ReplyOrigin.MISROUTED));
        }
        var earlier = memory.replyGivenTo(event);
        if (earlier.isPresent()) {
            log.debug("{} redelivered; answering as before", event.eventType());
            return new AnswerAgain<>(
                    new TimelineEntry(event, receivedAt, earlier.get().asRedelivery()));
        }
        return new RunFlow<>((E) event, receivedAt, after(memory, TimelineEntry.pending(event, receivedAt)));
    }

    /**
     * The timeline entry of a redelivery answered elsewhere ({@link VoiceEntity.Redelivered}): the one
     * {@link #decide} would have made, if this entity knows the event; none otherwise, and nothing runs.
     */
    public Optional<TimelineEntry> redeliveryEntry(
            EntityMemory<S> memory, VoiceEvent event, Instant receivedAt, Logger log) {
        Decision<E, S> decision = decide(memory, event, receivedAt, log);
        if (decision instanceof AnswerAgain<E, S> again) {
            return Optional.of(again.entry());
        }
        log.debug("{} answered again elsewhere, unknown here; nothing to record", event.eventType());
        return Optional.empty();
    }

    /**
     * The memory after {@code entry}: a redelivery only joins the timeline; any other entry (answered or still
     * pending) applies its event to the state too. Pure: a journal replays it to rebuild what the entity knew.
     */
    @SuppressWarnings("unchecked")
    public EntityMemory<S> after(EntityMemory<S> memory, TimelineEntry entry) {
        S next = entry.isRedelivery() ? memory.state() : rules.stateAfter(memory.state(), (E) entry.event());
        return memory.remembering(entry, next, settings.rememberedReplies());
    }

    public boolean ended(EntityMemory<S> memory) {
        return rules.hasEnded(memory.state());
    }

    /**
     * Whether {@code entry} is the one that ends its call or conference, whatever came before it: a disconnect, a
     * completed conference. The durable shell marks it, so that the retention of ended entities finds them.
     */
    @SuppressWarnings("unchecked")
    public boolean ends(TimelineEntry entry) {
        return !entry.isRedelivery()
                && rules.eventClass().isInstance(entry.event())
                && rules.hasEnded(rules.stateAfter(rules.initialState(), (E) entry.event()));
    }

    /** What a flow answered: its document (or none) and the call-control requests it made meanwhile. */
    record FlowAnswer(Response response, List<CallControlRequest> requests) {
        public FlowAnswer {
            requests = List.copyOf(requests);
        }
    }

    /** The type of {@code run}'s event, as logged. */
    String eventType(RunFlow<E, S> run) {
        return run.event().eventType();
    }

    /** Whether the flow that answers {@code run}'s event runs off the caller's thread. */
    boolean mayBlock(RunFlow<E, S> run) {
        return rules.flowMayBlock(run.event(), run.working().state());
    }

    /**
     * Runs the flow with {@code context}: on {@code executor} when it {@linkplain #mayBlock may block}, else on the
     * caller's thread, when the stage returned is complete already unless the flow answered {@code Reply.later}.
     * Completes with its document, or none, and the requests it made. Once the document is there the context is
     * closed: a request made later (from a callback that outlived the flow) is refused rather than lost unrecorded.
     */
    CompletionStage<FlowAnswer> runFlow(RunFlow<E, S> run, Executor executor, FlowContext context) {
        Supplier<Reply> ask = () -> rules.askFlow(run.event(), run.working().state(), context);
        CompletionStage<Reply> replied = mayBlock(run) ? CompletableFuture.supplyAsync(ask, executor) : askedHere(ask);
        // Where the flow's answer completes: no hop of its own.
        return replied.thenComposeAsync(EntityLogic::resolve, Runnable::run)
                .thenApplyAsync(response -> new FlowAnswer(response, context.close()), Runnable::run);
    }

    private static CompletionStage<Reply> askedHere(Supplier<Reply> ask) {
        try {
            return CompletableFuture.completedFuture(ask.get());
        } catch (Throwable failure) {
            // As the flow dispatcher would have it: the failure completes the stage, the entity survives it.
            return CompletableFuture.failedFuture(failure);
        }
    }

    /** The memory once an issued request has its outcome. Pure: a journal replays it too. */
    public EntityMemory<S> after(EntityMemory<S> memory, RequestSettled settled) {
        return memory.settling(settled);
    }

    private static CompletionStage<Response> resolve(Reply reply) {
        if (reply instanceof Response response) {
            return CompletableFuture.completedFuture(response);
        }
        if (reply instanceof Reply.Later later) {
            return later.response();
        }
        return CompletableFuture.completedFuture(null);
    }

    /** The reply to {@code event} once its flow answered {@code response} or failed with {@code failure}. */
    EventReply flowAnswered(VoiceEvent event, Response response, Throwable failure, Logger log) {
        if (failure != null) {
            log.error("flow failed on {}; sending the fallback", event.eventType(), failure);
            return settings.fallback().replyTo(event, ReplyOrigin.FLOW_FAILED);
        }
        return checked(event, documentFor(event, response), log);
    }

    /** The reply to {@code event} when its flow did not answer within the flow timeout. */
    EventReply flowTimedOut(VoiceEvent event, Logger log) {
        log.warn("flow took longer than {} on {}; sending the fallback", settings.flowTimeout(), event.eventType());
        return settings.fallback().replyTo(event, ReplyOrigin.FLOW_TIMED_OUT);
    }

    /** The reply to {@code event} when {@code waiting} events of the entity wait already: it is shed. */
    public EventReply shed(VoiceEvent event, int waiting, Logger log) {
        log.warn("{} events already waiting; shedding {}", waiting, event.eventType());
        return settings.fallback().replyTo(event, ReplyOrigin.OVERLOADED);
    }

    /** The flow's document if it keeps the rules for the event it answers, else the fallback. */
    private EventReply checked(VoiceEvent event, Response document, Logger log) {
        if (document == null) {
            return new EventReply(null, ReplyOrigin.FLOW);
        }
        ReplyContext replyContext = event.replyContext();
        List<RuleViolation> violations = BxmlRules.check(document, replyContext);
        if (violations.isEmpty()) {
            return new EventReply(document, ReplyOrigin.FLOW);
        }
        log.error(
                "flow answered {} with BXML that breaks {}; sending the fallback: {}",
                event.eventType(),
                violations.stream().map(RuleViolation::rule).distinct().toList(),
                violations);
        EventReply fallback = settings.fallback().replyTo(event, ReplyOrigin.INVALID_BXML);
        if (fallback.response() != null && !BxmlRules.allows(fallback.response(), replyContext)) {
            // The configured fallback may itself be wrong here (a transfer answering a transferAnswer).
            log.error(
                    "the fallback breaks {} too; answering {} with an empty response",
                    BxmlRules.check(fallback.response(), replyContext),
                    event.eventType());
            return new EventReply(Response.empty(), ReplyOrigin.INVALID_BXML);
        }
        return fallback;
    }

    /**
     * The document to send: an executed call event always gets one (no answer means an empty one, a hang-up);
     * an event whose reply is ignored never does.
     */
    private static Response documentFor(VoiceEvent event, Response fromFlow) {
        ReplyExpectation expectation = event.replyExpectation();
        if (!expectation.allowsBxml()) {
            return null;
        }
        if (fromFlow == null && expectation == ReplyExpectation.EXECUTED) {
            return Response.empty();
        }
        return fromFlow;
    }
}
