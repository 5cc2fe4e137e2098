package io.switchboard.application.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.SerializationTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.cluster.typed.Cluster;
import akka.stream.BufferOverflowException;
import akka.stream.javadsl.Sink;
import io.switchboard.application.OneNodeCluster;
import io.switchboard.application.SampleEvents;
import io.switchboard.application.port.in.ActivityFilter;
import io.switchboard.application.port.in.ActivityPage;
import io.switchboard.application.port.in.ActivitySummary;
import io.switchboard.application.port.in.HandledEvent;
import io.switchboard.application.port.in.HandledEvent.EntityKind;
import io.switchboard.application.sharding.ClusterMembership;
import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.call.CallEnding;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.verb.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The activity index on one node that joined itself: what it lists, how it filters and pages, what it streams. The listing runs first: the
 * live stream's events enter the same small index.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterActivityTest {
    private static final ActorTestKit testKit = OneNodeCluster.testKit();
    private static final EventReply FLOW =
            new EventReply(Response.builder().speakSentence("Hello").build(), ReplyOrigin.FLOW);
    private static final EventReply TIMED_OUT =
            new EventReply(Response.builder().hangup().build(), ReplyOrigin.FLOW_TIMED_OUT);
    private static ClusterActivity activity;

    @BeforeAll
    static void start() {
        ClusterMembership.joinSelfUnlessSeeded(testKit.system());
        activity = new ClusterActivity(
                testKit.system(), new ActivitySettings(3, 2, 4), Duration.ofSeconds(5), new SteppingClock());
    }

    /** A second later at every reading: each handled event is strictly newer than the one before. */
    private static final class SteppingClock extends Clock {
        private final AtomicLong seconds = new AtomicLong(Instant.now().getEpochSecond());

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(seconds.incrementAndGet());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    private static CallDetails call(String callId, String from, String tag) {
        return CallDetails.builder(CallId.of(callId))
                .parties(from, "+15553334444", Direction.INBOUND)
                .tag(tag)
                .build();
    }

    private static ActivityPage recent(ActivityFilter filter) throws Exception {
        return activity.recent(filter).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static ActivityFilter calls(int offset, int limit) {
        return new ActivityFilter(EntityKind.CALL, null, null, null, null, null, null, null, offset, limit);
    }

    /** Waits until the index has taken {@code count} calls (it hears of events asynchronously). */
    private static List<ActivitySummary> awaitCalls(int count) {
        return TestProbe.create(testKit.system()).awaitAssert(Duration.ofSeconds(10), Duration.ofMillis(20), () -> {
            List<ActivitySummary> items = recent(calls(0, 10)).items();
            assertEquals(
                    count, items.stream().mapToInt(ActivitySummary::eventCount).sum(), items::toString);
            return items;
        });
    }

    @Test
    @Order(1)
    void listsFiltersAndPagesNewestFirstAndForgetsTheLeastRecentlyActive() throws Exception {
        activity.onHandled(
                new GatherCompleted(call("c-old", "+15550000001", "menu"), "1", "#"), FLOW, Duration.ofMillis(3));
        activity.onHandled(
                new GatherCompleted(call("c-mid", "+15550000002", "VIP <b>"), "2", "#"),
                TIMED_OUT,
                Duration.ofMillis(4500));
        activity.onHandled(
                new CallDisconnected(call("c-new", "+15550000003", null), CallEnding.of(DisconnectCause.HANGUP)),
                new EventReply(null, ReplyOrigin.FLOW),
                Duration.ofMillis(2));
        List<ActivitySummary> items = awaitCalls(3);
        assertEquals(
                List.of("c-new", "c-mid", "c-old"),
                items.stream().map(ActivitySummary::id).toList());

        ActivityFilter base = calls(0, 10);
        assertEquals(List.of("c-mid"), ids(withFallback(base, true)));
        assertEquals(List.of("c-new", "c-old"), ids(withFallback(base, false)));
        assertEquals(
                List.of("c-mid"),
                ids(new ActivityFilter(EntityKind.CALL, null, null, "vip", null, null, null, null, 0, 10)));
        assertEquals(
                List.of("c-new"),
                ids(new ActivityFilter(
                        EntityKind.CALL, ActivitySummary.ENDED, null, null, null, null, null, null, 0, 10)));
        assertEquals(
                List.of("c-old"),
                ids(new ActivityFilter(EntityKind.CALL, null, "0000001", null, null, null, null, null, 0, 10)));
        assertEquals(
                List.of("c-mid"),
                ids(new ActivityFilter(EntityKind.CALL, null, null, null, null, null, null, "MID", 0, 10)));
        assertEquals(
                List.of(),
                ids(new ActivityFilter(
                        EntityKind.CALL, null, null, null, null, Instant.now().plusSeconds(3600), null, null, 0, 10)));
        assertEquals(
                List.of(),
                ids(new ActivityFilter(EntityKind.CONFERENCE, null, null, null, null, null, null, null, 0, 10)));

        ActivityPage second = recent(calls(1, 1));
        assertEquals(
                List.of("c-mid"),
                second.items().stream().map(ActivitySummary::id).toList());
        assertTrue(second.more());
        assertFalse(recent(calls(2, 1)).more());
        assertEquals(1, second.nodes());

        // The oldest call comes back to life: its entry moves up, and the fourth call pushes out the least active.
        activity.onHandled(
                new GatherCompleted(call("c-old", "+15550000001", "menu"), "9", "#"), FLOW, Duration.ofMillis(3));
        activity.onHandled(
                new GatherCompleted(call("c-newest", "+15550000004", null), "4", "#"), FLOW, Duration.ofMillis(3));
        List<ActivitySummary> after = TestProbe.create(testKit.system())
                .awaitAssert(Duration.ofSeconds(10), Duration.ofMillis(20), () -> {
                    List<ActivitySummary> now = recent(calls(0, 10)).items();
                    assertEquals(
                            List.of("c-newest", "c-old", "c-new"),
                            now.stream().map(ActivitySummary::id).toList());
                    return now;
                });
        ActivitySummary old = after.get(1);
        assertEquals(2, old.eventCount());
        assertEquals(
                List.of("gather", "gather"),
                old.events().stream().map(HandledEvent::eventType).toList());
        assertEquals(
                Cluster.get(testKit.system()).selfMember().address().toString(),
                old.events().get(0).node());
    }

    private static ActivityFilter withFallback(ActivityFilter base, boolean fallback) {
        return new ActivityFilter(base.kind(), null, null, null, fallback, null, null, null, 0, base.limit());
    }

    private static List<String> ids(ActivityFilter filter) throws Exception {
        return recent(filter).items().stream().map(ActivitySummary::id).toList();
    }

    @Test
    @Order(2)
    void aViewerGetsEveryEventAsItIsHandledAndASlowOneIsCutOff() throws Exception {
        CompletionStage<List<HandledEvent>> firstTwo = activity.live(4).take(2).runWith(Sink.seq(), testKit.system());
        // A viewer that never takes anything: its buffer of 4 overflows.
        CompletableFuture<Object> stalled = new CompletableFuture<>();
        activity.live(4)
                .watchTermination((notUsed, done) -> done.whenComplete((ok, failure) -> stalled.complete(failure)))
                .runWith(Sink.asPublisher(akka.stream.javadsl.AsPublisher.WITHOUT_FANOUT), testKit.system());
        TestProbe<Object> probe = TestProbe.create(testKit.system());
        probe.awaitAssert(Duration.ofSeconds(10), Duration.ofMillis(50), () -> {
            // The subscriptions reach the topic asynchronously: publish until both viewers are counted in.
            activity.onHandled(SampleEvents.gather("c-live", "5"), FLOW, Duration.ofMillis(1));
            assertTrue(firstTwo.toCompletableFuture().isDone());
            assertTrue(stalled.isDone());
            return null;
        });
        List<HandledEvent> seen = firstTwo.toCompletableFuture().get(1, TimeUnit.SECONDS);
        assertEquals("c-live", seen.get(0).entityId());
        assertEquals("FLOW", seen.get(0).origin());
        assertTrue(stalled.get() instanceof BufferOverflowException, String.valueOf(stalled.get()));
    }

    @Test
    void whatCrossesNodesSurvivesSerialization() {
        SerializationTestKit serialization = new SerializationTestKit(testKit.system());
        HandledEvent event = new HandledEvent(
                EntityKind.CALL,
                "c-1",
                "gather",
                Instant.parse("2026-11-25T10:00:00Z"),
                Instant.parse("2026-11-25T10:00:01Z"),
                "akka://switchboard@127.0.0.1:25520",
                12,
                "FLOW",
                false,
                "+15552223333",
                "+15553334444",
                "<script>",
                false);
        serialization.verifySerialization(event, true);
        serialization.verifySerialization(new ActivityIndex.Answer(List.of(ActivitySummary.first(event))), true);
        serialization.verifySerialization(
                new ActivityIndex.Query(
                        new ActivityFilter(EntityKind.CALL, "live", "555", "x", true, null, null, "c", 0, 5),
                        TestProbe.<ActivityIndex.Answer>create(testKit.system()).getRef()),
                true);
    }
}
