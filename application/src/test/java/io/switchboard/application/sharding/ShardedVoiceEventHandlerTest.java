package io.switchboard.application.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.FishingOutcomes;
import akka.actor.testkit.typed.javadsl.TestProbe;
import io.switchboard.application.OneNodeCluster;
import io.switchboard.application.SampleEvents;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.application.port.out.VoiceEventListener;
import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.call.CallEnding;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallRedirected;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.conference.ConferenceCreated;
import io.switchboard.domain.conference.ConferenceDetails;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.conference.ConferenceState;
import io.switchboard.domain.entity.EntityInspection;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The inbound port over Cluster Sharding, on one node that joined itself. */
class ShardedVoiceEventHandlerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(3);
    private static final ActorTestKit testKit = OneNodeCluster.testKit("""
            switchboard.reply-deadline = 3s
            switchboard.entity.flow-timeout = 9s
            switchboard.hold.max-holds-per-call = 1
            # Shutting down hands the shards over, and an entity answers the event in flight first: the slow
            # flow's call stops only once its flow timed out.
            akka.actor.testkit.typed.system-shutdown-default = 30s
            """);
    private static final SwitchboardSettings settings =
            SwitchboardSettings.from(testKit.system().settings().config());
    private static final TestProbe<String> heard = testKit.createTestProbe();
    private static ShardedVoiceEventHandler handler;

    /**
     * Answers by call id: "slow-" never answers, "late-" answers a second after the deadline, "boom-" throws,
     * anything else echoes the gathered digits.
     */
    private static final CallFlow flow = new CallFlow() {
        @Override
        public Reply onGather(GatherCompleted event, CallState call) {
            String id = event.callId().value();
            if (id.startsWith("slow-")) {
                return Reply.later(new CompletableFuture<>());
            }
            if (id.startsWith("late-")) {
                return Reply.later(CompletableFuture.supplyAsync(
                        () -> Response.builder()
                                .speakSentence("Late " + call.gatheredDigits())
                                .build(),
                        CompletableFuture.delayedExecutor(
                                DEADLINE.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS)));
            }
            if (id.startsWith("boom-")) {
                throw new IllegalStateException("flow bug");
            }
            return Response.builder()
                    .speakSentence("You pressed " + call.gatheredDigits())
                    .build();
        }
    };

    private static final ConferenceFlow conferenceFlow = new ConferenceFlow() {
        @Override
        public Reply onCreated(ConferenceCreated event, ConferenceState conference) {
            return Response.builder()
                    .speakSentence("Welcome to " + conference.name())
                    .build();
        }
    };

    @BeforeAll
    static void start() {
        ClusterMembership.joinSelfUnlessSeeded(testKit.system());
        EntityRegistration.init(testKit.system(), flow, conferenceFlow, settings);
        VoiceEventListener listener =
                (event, reply, latency) -> heard.getRef().tell(event.eventType() + ":" + reply.origin());
        handler = new ShardedVoiceEventHandler(testKit.system(), settings, List.of(listener));
    }

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    private static EventReply await(java.util.concurrent.CompletionStage<EventReply> stage) throws Exception {
        return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void eventsOfOneCallReachOneEntityWhichRemembersThem() throws Exception {
        await(handler.handle(SampleEvents.gather("c-ok", "1")));
        EventReply second = await(handler.handle(SampleEvents.gather("c-ok", "2")));
        assertEquals(ReplyOrigin.FLOW, second.origin());
        assertEquals(Response.builder().speakSentence("You pressed [1, 2]").build(), second.response());
    }

    @Test
    void aRedeliveryDecodedAfreshIsRecognisedAsAnEqualEventNotOnlyAsTheSameObject() throws Exception {
        EventReply first = await(handler.handle(SampleEvents.gather("c-equal", "5")));

        CompletableFuture<EventReply> again =
                handler.handle(SampleEvents.gather("c-equal", "5")).toCompletableFuture();

        assertTrue(again.isDone(), "answered at once: nothing was asked of the entity");
        assertEquals(new EventReply(first.response(), ReplyOrigin.REDELIVERY), again.get());
    }

    @Test
    void aRedeliveryIsAnsweredOnTheNodeThatAnsweredItWithoutWaitingForItsEntityWhichStillRecordsIt() throws Exception {
        GatherCompleted gather = SampleEvents.gather("c-again", "4");
        EventReply first = await(handler.handle(gather));

        CompletableFuture<EventReply> again = handler.handle(gather).toCompletableFuture();

        assertTrue(again.isDone(), "answered at once: nothing was asked of the entity");
        assertEquals(new EventReply(first.response(), ReplyOrigin.REDELIVERY), again.get());
        ShardedEntityQuery entities = new ShardedEntityQuery(testKit.system(), settings);
        TestProbe<Object> probe = testKit.createTestProbe();
        probe.awaitAssert(() -> {
            EntityInspection inspection;
            try {
                inspection = entities.call(gather.callId())
                        .toCompletableFuture()
                        .get(20, TimeUnit.SECONDS)
                        .orElseThrow();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertEquals(
                    List.of(ReplyOrigin.FLOW, ReplyOrigin.REDELIVERY),
                    inspection.timeline().stream()
                            .map(entry -> entry.reply().origin())
                            .toList(),
                    "the entity records the redelivery answered for it");
            return null;
        });
    }

    @Test
    void aReplyTheEntityDidNotGiveIsNotGivenAgainAtTheEdge() throws Exception {
        GatherCompleted gather = SampleEvents.gather("slow-edge", "4");
        assertEquals(ReplyOrigin.HELD, await(handler.handle(gather)).origin());

        // The hold came from this node, not from the entity, which still works on the event: ask it again.
        CompletableFuture<EventReply> again = handler.handle(gather).toCompletableFuture();

        assertFalse(again.isDone(), "the redelivery waits for its entity");
        assertEquals(ReplyOrigin.DEADLINE_EXCEEDED, await(again).origin());
    }

    @Test
    void anEntityThatMissesTheDeadlineHoldsTheCallThenGivesTheFallbackOnceHoldsRunOut() throws Exception {
        long started = System.nanoTime();
        EventReply reply = await(handler.handle(SampleEvents.gather("slow-1", "1")));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(settings.hold().reply(), reply, "a pause and a redirect back, not the apology");
        assertEquals(
                true,
                took.compareTo(DEADLINE) >= 0 && took.compareTo(DEADLINE.plusSeconds(5)) < 0,
                "answered after the deadline, not long after: " + took);

        // The redirect the hold brings back asks about the gather again; one hold is all this test allows.
        EventReply afterHold = await(handler.handle(new CallRedirected(SampleEvents.call("slow-1"))));
        assertEquals(ReplyOrigin.DEADLINE_EXCEEDED, afterHold.origin());
        assertEquals(settings.entity().fallback().executedEventResponse(), afterHold.response());
    }

    @Test
    void theRedirectAfterAHoldGetsTheFlowsReplyToTheHeldEvent() throws Exception {
        EventReply held = await(handler.handle(SampleEvents.gather("late-1", "7")));
        assertEquals(ReplyOrigin.HELD, held.origin());

        EventReply afterHold = await(handler.handle(new CallRedirected(SampleEvents.call("late-1"))));
        assertEquals(Response.builder().speakSentence("Late [7]").build(), afterHold.response());
        assertEquals(false, afterHold.origin().isFallback(), "answered by the flow: " + afterHold.origin());

        // A redirect that follows no hold is the flow's own: it goes to the flow as itself.
        EventReply ownRedirect = await(handler.handle(new CallRedirected(SampleEvents.call("late-1"))));
        assertEquals(ReplyOrigin.FLOW, ownRedirect.origin());
        assertEquals(Response.empty(), ownRedirect.response());
    }

    @Test
    void eventsAwaitingTheirReplyAreCounted() throws Exception {
        var pending = handler.handle(SampleEvents.gather("slow-counted", "1"));
        assertEquals(1, handler.eventsAwaitingReply());
        await(pending);
        assertEquals(0, handler.eventsAwaitingReply());
    }

    @Test
    void failingFlowGetsTheFallback() throws Exception {
        EventReply reply = await(handler.handle(SampleEvents.gather("boom-1", "1")));
        assertEquals(ReplyOrigin.FLOW_FAILED, reply.origin());
        assertEquals(settings.entity().fallback().executedEventResponse(), reply.response());
    }

    @Test
    void ignoredEventsGetNoBxmlEvenAsFallback() throws Exception {
        var ending = CallEnding.of(DisconnectCause.HANGUP);
        EventReply reply = await(handler.handle(new CallDisconnected(SampleEvents.call("slow-2"), ending)));
        assertNull(reply.response());
    }

    @Test
    void conferenceEventsReachTheirConferenceEntity() throws Exception {
        var created = new ConferenceCreated(new ConferenceDetails(ConferenceId.of("conf-1"), "sales", null, null));
        EventReply reply = await(handler.handle(created));
        assertEquals(Response.builder().speakSentence("Welcome to sales").build(), reply.response());
    }

    @Test
    void listenersHearEveryHandledEvent() throws Exception {
        await(handler.handle(SampleEvents.gather("c-listened", "5")));
        heard.fishForMessage(
                Duration.ofSeconds(5),
                message -> message.equals("gather:FLOW")
                        ? FishingOutcomes.complete()
                        : FishingOutcomes.continueAndIgnore());
    }
}
