package io.switchboard.domain.call;

import akka.actor.typed.ActorRef;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * A {@link CallFlow} for entity tests: every call is reported to a probe (with the event, the state the flow
 * saw and a future the test may complete), counted, and answered by a script.
 */
public final class ScriptedCallFlow implements CallFlow {

    /**
     * One call of the flow. {@code pending} is what an {@link #async} flow answers with, completed by the test;
     * {@code thread} is the name of the thread the flow method ran on.
     */
    public record Call(CallEvent event, CallState state, CompletableFuture<Response> pending, String thread) {}

    private final ActorRef<Call> calls;
    private final BiFunction<Call, CallState, Reply> script;
    private final boolean mayBlock;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunningAtOnce = new AtomicInteger();

    private ScriptedCallFlow(ActorRef<Call> calls, BiFunction<Call, CallState, Reply> script, boolean mayBlock) {
        this.calls = calls;
        this.script = script;
        this.mayBlock = mayBlock;
    }

    private ScriptedCallFlow(ActorRef<Call> calls, BiFunction<Call, CallState, Reply> script) {
        this(calls, script, true);
    }

    /** The same script, from a flow that says it does not block: it runs on the entity's thread. */
    public ScriptedCallFlow notBlocking() {
        return new ScriptedCallFlow(calls, script, false);
    }

    /** Answers {@link Reply#later} for the events {@code later} picks (completed by the test), others at once. */
    public static ScriptedCallFlow laterFor(
            ActorRef<Call> calls, Predicate<CallEvent> later, BiFunction<CallEvent, CallState, Reply> now) {
        return new ScriptedCallFlow(
                calls,
                (call, state) ->
                        later.test(call.event()) ? Reply.later(call.pending()) : now.apply(call.event(), state));
    }

    @Override
    public boolean mayBlock() {
        return mayBlock;
    }

    /** Answers each event at once with what {@code answer} says (it may throw). */
    public static ScriptedCallFlow sync(ActorRef<Call> calls, BiFunction<CallEvent, CallState, Reply> answer) {
        return new ScriptedCallFlow(calls, (call, state) -> answer.apply(call.event(), state));
    }

    /** Answers each executed event with {@link Reply#later} of the future the test completes by hand. */
    public static ScriptedCallFlow async(ActorRef<Call> calls) {
        return new ScriptedCallFlow(calls, (call, state) -> Reply.later(call.pending()));
    }

    /** How many times any flow method was called. */
    public int calls() {
        return count.get();
    }

    /** The most flow methods that ran at the same time. */
    public int mostRunningAtOnce() {
        return mostRunningAtOnce.get();
    }

    private Reply answer(CallEvent event, CallState state) {
        mostRunningAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            count.incrementAndGet();
            Call call = new Call(
                    event,
                    state,
                    new CompletableFuture<>(),
                    Thread.currentThread().getName());
            calls.tell(call);
            return script.apply(call, state);
        } finally {
            running.decrementAndGet();
        }
    }

    @Override
    public Reply onInitiate(CallInitiated event, CallState call) {
        return answer(event, call);
    }

    @Override
    public Reply onAnswer(CallAnswered event, CallState call) {
        return answer(event, call);
    }

    @Override
    public Reply onGather(GatherCompleted event, CallState call) {
        return answer(event, call);
    }

    @Override
    public Reply onRedirect(CallRedirected event, CallState call) {
        return answer(event, call);
    }

    @Override
    public Reply onRecordingComplete(RecordingCompleted event, CallState call) {
        return answer(event, call);
    }

    @Override
    public Reply onTransferAnswer(TransferAnswered event, CallState call) {
        return answer(event, call);
    }

    @Override
    public void onDisconnect(CallDisconnected event, CallState call) {
        answer(event, call);
    }

    @Override
    public void onTransferDisconnect(TransferDisconnected event, CallState call) {
        answer(event, call);
    }

    @Override
    public void onTranscriptionAvailable(TranscriptionAvailable event, CallState call) {
        answer(event, call);
    }

    @Override
    public Reply onTransferComplete(TransferCompleted event, CallState call) {
        return answer(event, call);
    }

    @Override
    public Reply onBridgeComplete(BridgeCompleted event, CallState call) {
        return answer(event, call);
    }

    @Override
    public Reply onBridgeTargetComplete(BridgeTargetCompleted event, CallState call) {
        return answer(event, call);
    }

    @Override
    public Reply onReferComplete(ReferCompleted event, CallState call) {
        return answer(event, call);
    }

    @Override
    public void onRecordingAvailable(RecordingAvailable event, CallState call) {
        answer(event, call);
    }

    @Override
    public void onDtmf(DtmfReceived event, CallState call) {
        answer(event, call);
    }

    @Override
    public void onMachineDetectionComplete(MachineDetectionCompleted event, CallState call) {
        answer(event, call);
    }

    @Override
    public void onMediaStream(MediaStreamChanged event, CallState call) {
        answer(event, call);
    }

    @Override
    public void onRealTimeTranscription(RealTimeTranscriptionChanged event, CallState call) {
        answer(event, call);
    }

    @Override
    public void onUnrecognized(UnrecognizedCallEvent event, CallState call) {
        answer(event, call);
    }
}
