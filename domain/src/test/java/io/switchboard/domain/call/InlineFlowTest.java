package io.switchboard.domain.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.LoggingTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import com.typesafe.config.ConfigFactory;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.entity.EntitySettings;
import io.switchboard.domain.entity.EntityTestSupport;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.FallbackPolicy;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A flow that says it does not block runs on its entity's own thread, and keeps every promise the pool-run flow
 * keeps: one event at a time in arrival order, failures answered with the fallback, a {@code Reply.later} waited
 * for; one that takes longer than its budget is reported.
 */
class InlineFlowTest {
    private static final String POOL_THREAD = "flow-pool-";

    private static final ActorTestKit testKit =
            ActorTestKit.create(ConfigFactory.parseString(EntityTestSupport.TESTKIT_CONFIG));
    private static final AtomicInteger poolThreads = new AtomicInteger();
    private static final ExecutorService flowExecutor =
            Executors.newFixedThreadPool(2, task -> new Thread(task, POOL_THREAD + poolThreads.incrementAndGet()));

    @AfterAll
    static void shutDown() {
        testKit.shutdownTestKit();
        flowExecutor.shutdownNow();
    }

    private record Fixture(
            CallEvents call,
            ActorRef<VoiceEntity.Command> entity,
            ScriptedCallFlow flow,
            TestProbe<ScriptedCallFlow.Call> flowCalls,
            TestProbe<EventReply> replies) {

        void send(CallEvent event) {
            EntityTestSupport.send(entity, event, replies);
        }
    }

    private static Fixture start(
            Function<ActorRef<ScriptedCallFlow.Call>, ScriptedCallFlow> flowMaker, EntitySettings settings) {
        CallEvents call = CallEvents.newCall();
        TestProbe<ScriptedCallFlow.Call> flowCalls = testKit.createTestProbe();
        TestProbe<EventReply> replies = testKit.createTestProbe();
        ScriptedCallFlow flow = flowMaker.apply(flowCalls.getRef());
        ActorRef<VoiceEntity.Command> entity = testKit.spawn(
                CallEntity.create(call.callId(), flow, flowExecutor, settings, passivated -> {}),
                call.callId().value());
        return new Fixture(call, entity, flow, flowCalls, replies);
    }

    private static Response naming(CallEvent event) {
        String digits = event instanceof GatherCompleted gather ? " " + gather.digits() : "";
        return Response.builder().speakSentence(event.eventType() + digits).build();
    }

    private static EventReply replyNaming(CallEvent event) {
        return new EventReply(event.replyExpectation().allowsBxml() ? naming(event) : null, ReplyOrigin.FLOW);
    }

    private static List<CallEvent> aCallsWorthOfEvents(CallEvents call) {
        List<CallEvent> events = new ArrayList<>(List.of(call.initiate(), call.answer()));
        for (int digit = 1; digit <= 12; digit++) {
            events.add(call.gather(String.valueOf(digit)));
        }
        events.add(call.disconnect(DisconnectCause.HANGUP));
        return events;
    }

    @Test
    void aFlowThatDoesNotBlockRunsOnTheEntitysThreadOneEventAtATimeInOrder() {
        Fixture f = start(
                calls -> ScriptedCallFlow.sync(calls, (event, state) -> naming(event))
                        .notBlocking(),
                EntityTestSupport.settings());
        List<CallEvent> events = aCallsWorthOfEvents(f.call());

        events.forEach(f::send);

        for (int i = 0; i < events.size(); i++) {
            ScriptedCallFlow.Call seen = f.flowCalls().receiveMessage();
            assertEquals(events.get(i), seen.event(), "flow call " + i);
            assertEquals(i + 1, seen.state().eventsApplied(), "the flow sees the state after exactly this event");
            assertFalse(seen.thread().startsWith(POOL_THREAD), "ran on " + seen.thread());
        }
        for (CallEvent event : events) {
            assertEquals(replyNaming(event), f.replies().receiveMessage());
        }
        assertEquals(1, f.flow().mostRunningAtOnce());
    }

    @Test
    void aFlowThatMayBlockNeverRunsOnTheEntitysThread() {
        Fixture f = start(
                calls -> ScriptedCallFlow.sync(calls, (event, state) -> naming(event)), EntityTestSupport.settings());
        CallInitiated initiate = f.call().initiate();

        f.send(initiate);

        assertTrue(f.flowCalls().receiveMessage().thread().startsWith(POOL_THREAD));
        assertEquals(replyNaming(initiate), f.replies().receiveMessage());
    }

    @Test
    void eventsThatWaitedBehindALaterReplyAreAnsweredAtOnceInTheirOrder() {
        Fixture f = start(
                calls -> ScriptedCallFlow.laterFor(
                                calls, event -> event instanceof CallInitiated, (event, state) -> naming(event))
                        .notBlocking(),
                EntityTestSupport.settings());
        List<CallEvent> events = aCallsWorthOfEvents(f.call());

        events.forEach(f::send);
        ScriptedCallFlow.Call initiate = f.flowCalls().receiveMessage();
        f.flowCalls().expectNoMessage(Duration.ofMillis(200));
        initiate.pending().complete(naming(initiate.event()));

        assertEquals(replyNaming(events.get(0)), f.replies().receiveMessage());
        for (int i = 1; i < events.size(); i++) {
            assertEquals(events.get(i), f.flowCalls().receiveMessage().event(), "flow call " + i);
            assertEquals(replyNaming(events.get(i)), f.replies().receiveMessage(), "reply " + i);
        }
        assertEquals(1, f.flow().mostRunningAtOnce());
    }

    @Test
    void aFlowThatThrowsOnTheEntitysThreadGetsTheFallbackAndTheCallGoesOn() {
        Fixture f = start(
                calls -> ScriptedCallFlow.sync(calls, (event, state) -> {
                            if (event instanceof CallInitiated) {
                                throw new IllegalStateException("flow bug");
                            }
                            return naming(event);
                        })
                        .notBlocking(),
                EntityTestSupport.settings());
        CallInitiated initiate = f.call().initiate();
        GatherCompleted gather = f.call().gather("5");

        EventReply failed = LoggingTestKit.error("flow failed on initiate").expect(testKit.system(), () -> {
            f.send(initiate);
            return f.replies().receiveMessage();
        });
        f.send(gather);

        assertEquals(new FallbackPolicy(EntityTestSupport.FALLBACK).replyTo(initiate, ReplyOrigin.FLOW_FAILED), failed);
        assertEquals(replyNaming(gather), f.replies().receiveMessage());
    }

    @Test
    void aFlowThatSaysItDoesNotBlockButTakesLongerThanItsBudgetIsReported() {
        EntitySettings tinyBudget = new EntitySettings(
                EntityTestSupport.FLOW_TIMEOUT,
                EntityTestSupport.IDLE_TIMEOUT,
                EntityTestSupport.RETENTION,
                16,
                32,
                new FallbackPolicy(EntityTestSupport.FALLBACK),
                Duration.ofNanos(1));
        Fixture f = start(
                calls -> ScriptedCallFlow.sync(calls, (event, state) -> naming(event))
                        .notBlocking(),
                tinyBudget);
        CallInitiated initiate = f.call().initiate();

        EventReply reply = LoggingTestKit.warn("which says it does not block")
                .withMessageContains("on initiate")
                .expect(testKit.system(), () -> {
                    f.send(initiate);
                    return f.replies().receiveMessage();
                });

        assertEquals(replyNaming(initiate), reply, "reported, and answered all the same");
    }
}
