package io.switchboard.testkit.flow;

import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EntityRules;
import io.switchboard.domain.entity.EntitySettings;
import io.switchboard.domain.entity.EntityState;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.BxmlRules;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.RuleViolation;
import io.switchboard.testkit.simulator.InProcessReply;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Watches the flows of a {@link LocalVoiceEventHandler} where the service only logs: the state each flow call was
 * given, and why its answer could not be used (what it threw, the BXML rules its document broke), so that a test
 * can say why the caller heard the fallback.
 */
final class FlowWatch {
    /** What one flow call was given, and what was wrong with its answer; {@code problem} is {@code null} if none. */
    private record Seen(EntityState state, String problem) {}

    private final EntitySettings settings;
    /** By event, from the flow call until its reply: an entity handles one event at a time. */
    private final Map<VoiceEvent, Seen> seen = new ConcurrentHashMap<>();

    FlowWatch(EntitySettings settings) {
        this.settings = settings;
    }

    /** The same rules, their flow calls watched. */
    <E extends VoiceEvent, S extends EntityState> EntityRules<E, S> watching(EntityRules<E, S> rules) {
        return new Watched<>(rules, this);
    }

    /** {@code rules} whose flow calls {@code watch} sees. */
    private record Watched<E extends VoiceEvent, S extends EntityState>(EntityRules<E, S> rules, FlowWatch watch)
            implements EntityRules<E, S> {
        @Override
        public String entityId() {
            return rules.entityId();
        }

        @Override
        public String logKey() {
            return rules.logKey();
        }

        @Override
        public Class<E> eventClass() {
            return rules.eventClass();
        }

        @Override
        public S initialState() {
            return rules.initialState();
        }

        @Override
        public S stateAfter(S state, E event) {
            return rules.stateAfter(state, event);
        }

        @Override
        public Reply askFlow(E event, S state, FlowContext context) {
            return watch.call(rules, event, state, context);
        }

        @Override
        public boolean flowMayBlock(E event, S state) {
            return rules.flowMayBlock(event, state);
        }

        @Override
        public boolean hasEnded(S state) {
            return rules.hasEnded(state);
        }
    }

    /** {@code reply} to {@code event}, with what was seen of its flow call; forgets that call. */
    InProcessReply answered(VoiceEvent event, EventReply reply) {
        Seen call = seen.remove(event);
        EntityState state = call == null ? null : call.state();
        if (!reply.origin().isFallback()) {
            return new InProcessReply(reply, null, state);
        }
        String cause = switch (reply.origin()) {
            case FLOW_FAILED, INVALID_BXML -> call == null ? null : call.problem();
            case FLOW_TIMED_OUT ->
                "the flow did not answer within " + settings.flowTimeout().toMillis()
                        + " ms (switchboard.entity.flow-timeout)";
            case OVERLOADED -> "too many events of the call were waiting (switchboard.entity.stash-capacity)";
            case DEADLINE_EXCEEDED -> "the entity did not answer within the reply deadline";
            default -> null;
        };
        return new InProcessReply(reply, cause, state);
    }

    private <E extends VoiceEvent, S extends EntityState> Reply call(
            EntityRules<E, S> rules, E event, S state, FlowContext context) {
        seen.put(event, new Seen(state, null));
        Reply reply;
        try {
            reply = rules.askFlow(event, state, context);
        } catch (RuntimeException | Error failure) {
            problem(event, failed(failure));
            throw failure;
        }
        if (reply instanceof Reply.Later later) {
            // The entity sees the answer only once it is judged here: the cause is known before the reply is.
            return Reply.later(later.response().whenComplete((response, failure) -> {
                if (failure != null) {
                    problem(event, failed(failure));
                } else {
                    check(event, response);
                }
            }));
        }
        if (reply instanceof Response response) {
            check(event, response);
        }
        return reply;
    }

    /** As the entity judges a document: only for events whose reply may carry BXML. */
    private void check(VoiceEvent event, Response response) {
        if (response == null || !event.replyExpectation().allowsBxml()) {
            return;
        }
        List<RuleViolation> broken = BxmlRules.check(response, event.replyContext());
        if (!broken.isEmpty()) {
            problem(event, "the flow's BXML breaks " + broken);
        }
    }

    /** Only while the call is watched: a flow that answers after its reply went out changes nothing. */
    private void problem(VoiceEvent event, String problem) {
        seen.computeIfPresent(event, (key, call) -> new Seen(call.state(), problem));
    }

    /** The exception a flow failed with, named, and where in the flow's own code it was thrown. */
    static String failed(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String where = Arrays.stream(cause.getStackTrace())
                .filter(frame -> !isLibrary(frame.getClassName()))
                .findFirst()
                .map(frame -> " (at " + frame + ")")
                .orElse("");
        return "the flow failed: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + where;
    }

    private static boolean isLibrary(String className) {
        return className.startsWith("java.")
                || className.startsWith("jdk.")
                || className.startsWith("sun.")
                || className.startsWith("akka.")
                || className.startsWith("scala.")
                || className.startsWith("io.switchboard.domain.");
    }
}
