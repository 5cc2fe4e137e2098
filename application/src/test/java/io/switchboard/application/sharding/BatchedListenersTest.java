package io.switchboard.application.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.ManualTime;
import akka.dispatch.ExecutionContexts;
import io.switchboard.application.port.out.VoiceEventListener;
import io.switchboard.domain.call.CallEvents;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Handled events reach the listeners in batches: none before the interval, all of a batch in one task and in the
 * order they were handled, a new batch for what comes after, and a failing listener costs the others nothing.
 * Time is manual (its scheduler runs a batch on the thread that lets time pass): nothing here waits for a clock.
 */
class BatchedListenersTest {
    private static final Duration INTERVAL = Duration.ofMillis(20);
    private static final ActorTestKit testKit = ActorTestKit.create(ManualTime.config());
    private static final ManualTime time = ManualTime.get(testKit.system());
    private static final EventReply ANSWERED =
            new EventReply(Response.builder().hangup().build(), ReplyOrigin.FLOW);

    @AfterAll
    static void shutDown() {
        testKit.shutdownTestKit();
    }

    /** Every event it was told of. */
    private static final class Recording implements VoiceEventListener {
        final List<VoiceEvent> heard = new ArrayList<>();

        @Override
        public void onHandled(VoiceEvent event, EventReply reply, Duration latency) {
            heard.add(event);
        }
    }

    /** Runs each task at once, on the caller's thread, and counts them: a task is one batch. */
    private static final class CountingExecutor {
        final AtomicInteger tasks = new AtomicInteger();
        final scala.concurrent.ExecutionContextExecutor executor = ExecutionContexts.fromExecutor(task -> {
            tasks.incrementAndGet();
            task.run();
        });
    }

    private static BatchedListeners batched(List<VoiceEventListener> listeners) {
        return new BatchedListeners(
                listeners, testKit.system().scheduler(), INTERVAL, ExecutionContexts.fromExecutor(Runnable::run));
    }

    @Test
    void eventsHandledWithinTheIntervalReachTheListenersTogetherInTheirOrder() {
        Recording listener = new Recording();
        BatchedListeners listeners = batched(List.of(listener));
        CallEvents call = CallEvents.newCall();
        List<VoiceEvent> handled = List.of(call.initiate(), call.answer(), call.gather("1"));

        handled.forEach(event -> listeners.handled(event, ANSWERED, Duration.ofMillis(3)));
        time.timePasses(INTERVAL.minusMillis(1));
        assertTrue(listener.heard.isEmpty(), "told before the interval: " + listener.heard);

        time.timePasses(INTERVAL);
        assertEquals(handled, listener.heard);
    }

    @Test
    void anEventAfterABatchWasToldStartsTheNextBatch() {
        Recording listener = new Recording();
        BatchedListeners listeners = batched(List.of(listener));
        CallEvents call = CallEvents.newCall();
        VoiceEvent initiated = call.initiate();
        VoiceEvent answered = call.answer();

        listeners.handled(initiated, ANSWERED, Duration.ZERO);
        time.timePasses(INTERVAL);
        assertEquals(List.of(initiated), listener.heard);

        listeners.handled(answered, ANSWERED, Duration.ZERO);
        time.timePasses(INTERVAL.minusMillis(1));
        assertEquals(List.of(initiated), listener.heard, "the next batch waits its own interval");
        time.timePasses(Duration.ofMillis(1));
        assertEquals(List.of(initiated, answered), listener.heard);
    }

    @Test
    void anEventHandledWhileABatchIsToldJoinsItAfterTheOthers() {
        CallEvents call = CallEvents.newCall();
        VoiceEvent initiated = call.initiate();
        VoiceEvent answered = call.answer();
        VoiceEvent gathered = call.gather("1");
        List<VoiceEvent> heard = new ArrayList<>();
        BatchedListeners[] listeners = new BatchedListeners[1];
        listeners[0] = batched(List.of((event, reply, latency) -> {
            heard.add(event);
            if (event == initiated) {
                listeners[0].handled(gathered, ANSWERED, Duration.ZERO);
            }
        }));

        listeners[0].handled(initiated, ANSWERED, Duration.ZERO);
        listeners[0].handled(answered, ANSWERED, Duration.ZERO);
        time.timePasses(INTERVAL);

        assertEquals(List.of(initiated, answered, gathered), heard);
    }

    @Test
    void aFailingListenerCostsTheOthersNothing() {
        VoiceEventListener failing = (event, reply, latency) -> {
            throw new IllegalStateException("listener down");
        };
        Recording listener = new Recording();
        BatchedListeners listeners = batched(List.of(failing, listener));
        CallEvents call = CallEvents.newCall();

        listeners.handled(call.initiate(), ANSWERED, Duration.ZERO);
        listeners.handled(call.answer(), ANSWERED, Duration.ZERO);
        time.timePasses(INTERVAL.multipliedBy(2));

        assertEquals(2, listener.heard.size(), "both events, each past the failing listener");
    }

    @Test
    void withoutAnIntervalEachEventIsToldAtOnce() {
        Recording listener = new Recording();
        CountingExecutor tasks = new CountingExecutor();
        BatchedListeners listeners =
                new BatchedListeners(List.of(listener), testKit.system().scheduler(), Duration.ZERO, tasks.executor);
        CallEvents call = CallEvents.newCall();

        listeners.handled(call.initiate(), ANSWERED, Duration.ZERO);
        listeners.handled(call.answer(), ANSWERED, Duration.ZERO);

        assertEquals(2, listener.heard.size());
        assertEquals(2, tasks.tasks.get());
    }
}
