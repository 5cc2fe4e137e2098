package io.switchboard.testkit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import com.typesafe.config.ConfigFactory;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import io.switchboard.testkit.flow.LocalVoiceEventHandler;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Populations of scripted calls against the real entities, in process; every count follows from the script. */
class SimulatorTest {
    private static final ActorTestKit testKit = ActorTestKit.create();
    private static final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private static final URI SERVICE = URI.create("https://ivr.example.test/voice/initiate");
    private static final CallerScript MIX = CallerScript.fromConfig(ConfigFactory.parseString("""
            callers = [
              { name = wrong-key, presses = ["9"] }
              { name = voicemail, weight = 2, presses = ["2"], hang-up-at = Record }
              { name = transfer, presses = ["1"] }
              { name = conference, presses = ["3"], stay-in-conference = 1m }
              { name = silent }
            ]
            """));

    @AfterAll
    static void stop() {
        scheduler.shutdownNow();
        testKit.shutdownTestKit();
    }

    private static SimulationSummary simulate(CallFlow flow, SimulationPlan plan) throws Exception {
        LocalVoiceEventHandler service = new LocalVoiceEventHandler(
                testKit.system(),
                flow,
                MiniIvr.ROOM,
                SwitchboardSettings.from(testKit.system().settings().config()));
        return simulate(new InProcessTransport(service), plan);
    }

    private static SimulationSummary simulate(WebhookTransport transport, SimulationPlan plan) throws Exception {
        return new Simulator(transport, scheduler)
                .start(plan)
                .summary()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
    }

    @Test
    void eachCallerFollowsItsProfileAndEveryReplyPasses() throws Exception {
        SimulationSummary summary = simulate(new MiniIvr(), SimulationPlan.of(SERVICE, 120, 16, MIX));

        assertTrue(summary.passed(), summary.violations()::toString);
        assertEquals(120, summary.callsCompleted());
        long voicemails = summary.callsByProfile().get("voicemail");
        long transfers = summary.callsByProfile().get("transfer");
        long conferences = summary.callsByProfile().get("conference");
        assertEquals(120, summary.eventCount("initiate"));
        assertEquals(120, summary.eventCount("gather"));
        assertEquals(120, summary.eventCount("disconnect"));
        assertEquals(0, summary.eventCount("recordComplete"), "voicemail callers hang up while recording");
        assertEquals(voicemails, summary.eventCount("recordingAvailable"));
        assertEquals(voicemails, summary.eventCount("transcriptionAvailable"));
        assertEquals(transfers, summary.eventCount("transferAnswer"));
        assertEquals(transfers, summary.eventCount("transferDisconnect"));
        assertEquals(transfers, summary.eventCount("transferComplete"));
        assertEquals(conferences, summary.eventCount("conferenceMemberJoin"));
        assertEquals(conferences, summary.eventCount("conferenceMemberExit"));
        assertEquals(summary.eventCount("conferenceCreated"), summary.eventCount("conferenceCompleted"));
        assertTrue(summary.eventCount("conferenceCreated") >= 1);
        assertEquals(summary.events(), summary.statuses().get("200"));
        assertTrue(summary.latency().p50() > 0
                && summary.latency().p50() <= summary.latency().p999());
    }

    @Test
    void theSameSeedPlaysTheSameCalls() throws Exception {
        SimulationPlan plan = SimulationPlan.of(SERVICE, 40, 8, MIX).withSeed(42);
        SimulationSummary first = simulate(new MiniIvr(), plan);
        SimulationSummary second = simulate(new MiniIvr(), plan);
        SimulationSummary other = simulate(new MiniIvr(), plan.withSeed(43));

        assertEquals(first.callsByProfile(), second.callsByProfile());
        assertEquals(first.eventCount("gather"), second.eventCount("gather"));
        assertEquals(first.eventCount("recordingAvailable"), second.eventCount("recordingAvailable"));
        assertFalse(first.callsByProfile().equals(other.callsByProfile()), "another seed, another population");
    }

    @Test
    void duplicatesLostRepliesAndReorderingAreAnsweredAlike() throws Exception {
        CallerScript faulty = MIX.withFaults(new Faults(0.5, 0.5, 1.0, 0.1, Duration.ofMillis(5)));
        SimulationSummary summary = simulate(new MiniIvr(), SimulationPlan.of(SERVICE, 60, 8, faulty));

        assertTrue(summary.passed(), summary.violations()::toString);
        long redelivered = summary.faults().getOrDefault("duplicate", 0L)
                + summary.faults().getOrDefault("lost-reply", 0L);
        assertTrue(redelivered > summary.events() / 2, summary.faults()::toString);
        // Only voicemail calls owe events besides the disconnect, so only theirs can be reordered.
        assertEquals(summary.callsByProfile().get("voicemail"), summary.faults().get("reorder-async"));
        assertTrue(summary.faults().get("slow") > 0);
    }

    @Test
    void callbacksToAnotherHostAreNotFollowedButReported() throws Exception {
        SimulationSummary summary =
                simulate(gatheringAt("https://elsewhere.example/gather"), SimulationPlan.of(SERVICE, 3, 3, MIX));

        assertFalse(summary.passed());
        assertEquals(3, summary.violationsByCheck().get(ReplyChecks.CALLBACK_URL));
        Violation first = summary.violations().get(0);
        assertEquals("gather", first.eventType());
        assertTrue(first.callId().startsWith("c-"), first.toString());
        assertEquals(3, summary.callsFailed());
        assertEquals(0, summary.eventCount("gather"));
    }

    @Test
    void everyReplyIsCheckedAndCountedByStatus() throws Exception {
        WebhookTransport failing = (url, event) -> CompletableFuture.completedFuture(
                Delivery.answered(500, "application/problem+json", null, Duration.ofMillis(2)));
        SimulationSummary summary = simulate(failing, SimulationPlan.of(SERVICE, 5, 5, MIX));

        assertEquals(10, summary.non2xx(), "each call's initiate and disconnect");
        assertEquals(10, summary.violationsByCheck().get(ReplyChecks.STATUS));
        assertEquals(5, summary.endings().get("callback-error (HTTP 500)"));
    }

    @Test
    void aRedeliveryAnsweredDifferentlyIsReported() throws Exception {
        AtomicInteger replies = new AtomicInteger();
        WebhookTransport forgetful = (url, event) -> CompletableFuture.completedFuture(Delivery.answered(
                200,
                "application/xml",
                Response.builder()
                        .speakSentence("Reply " + replies.incrementAndGet())
                        .hangup()
                        .build(),
                Duration.ofMillis(1)));
        CallerScript duplicating = MIX.withFaults(new Faults(1.0, 0, 0, 0, Duration.ZERO));
        SimulationSummary summary = simulate(forgetful, SimulationPlan.of(SERVICE, 2, 2, duplicating));

        assertEquals(
                2, summary.violationsByCheck().get(ReplyChecks.REDELIVERY_MISMATCH), summary.violations()::toString);
        assertTrue(summary.violations().get(0).detail().contains("Reply"), summary.violations()::toString);
    }

    @Test
    void aCallbackUrlWithoutAHostFailsTheCallAsInvalidBxml() throws Exception {
        SimulationSummary summary =
                simulate(gatheringAt("mailto:ivr@example.test"), SimulationPlan.of(SERVICE, 2, 2, MIX));

        assertEquals(2, summary.violationsByCheck().get(ReplyChecks.CALLBACK_URL));
        Violation first = summary.violations().get(0);
        assertEquals("initiate", first.eventType(), "reported against the reply that named the URL");
        assertTrue(first.detail().contains("gatherUrl=\"mailto:ivr@example.test\""), first.detail());
        assertEquals(2, summary.callsFailed());
        assertTrue(
                summary.endings().keySet().iterator().next().startsWith("invalid-bxml"), summary.endings()::toString);
    }

    @Test
    void aTransferNobodyAnswersEndsInATimeoutAndTheCallerLegGoesOn() throws Exception {
        CallerScript unanswered = CallerScript.fromConfig(ConfigFactory.parseString(
                "callers = [{ name = unanswered, presses = [\"1\"], transfer-answered = false }]"));
        SimulationSummary summary = simulate(new MiniIvr(), SimulationPlan.of(SERVICE, 4, 4, unanswered));

        assertTrue(summary.passed(), summary.violations()::toString);
        assertEquals(0, summary.eventCount("transferAnswer"));
        assertEquals(4, summary.eventCount("transferDisconnect"));
        assertEquals(4, summary.eventCount("transferComplete"));
        assertEquals(4, summary.endings().get("hangup"), "MiniIvr hangs up after the transfer");
    }

    @Test
    void eventsGoWhereTheBxmlSaysAndCarryTheVirtualClock() throws Exception {
        List<String> sent = new CopyOnWriteArrayList<>();
        WebhookTransport recording = (url, event) -> {
            sent.add(event.eventType() + " " + url + " " + event.eventTime());
            Response reply = event.eventType().equals("initiate")
                    ? Response.builder()
                            .gather(gather -> gather.gatherUrl("gather").speakSentence("one two three four five"))
                            .build()
                    : Response.builder().hangup().build();
            return CompletableFuture.completedFuture(Delivery.answered(
                    200,
                    "application/xml",
                    event.replyExpectation().allowsBxml() ? reply : null,
                    Duration.ofMillis(1)));
        };
        CallerScript silent = CallerScript.of(CallerProfile.silent("silent"));
        simulate(recording, SimulationPlan.of(SERVICE, 1, 1, silent));

        assertEquals(
                List.of(
                        "initiate https://ivr.example.test/voice/initiate 2026-01-05T09:00:00Z",
                        // five words take two seconds to speak, then the first-digit timeout of five passes
                        "gather https://ivr.example.test/voice/gather 2026-01-05T09:00:07Z",
                        "disconnect https://ivr.example.test/voice/initiate 2026-01-05T09:00:07Z"),
                sent);
    }

    @Test
    void callsStartNoFasterThanTheRate() throws Exception {
        WebhookTransport instant = (url, event) -> CompletableFuture.completedFuture(
                Delivery.answered(200, "application/xml", Response.empty(), Duration.ZERO));
        SimulationSummary summary =
                simulate(instant, SimulationPlan.of(SERVICE, 11, 11, MIX).withRate(100));

        assertEquals(11, summary.callsCompleted());
        assertTrue(
                summary.wallSeconds() >= 0.1,
                "eleven calls at 100 a second span ten intervals of 10 ms, took " + summary.wallSeconds() + " s");
    }

    /** A flow that answers every call's initiate with a Gather whose digits go to {@code gatherUrl}. */
    private static CallFlow gatheringAt(String gatherUrl) {
        return new CallFlow() {
            @Override
            public Reply onInitiate(CallInitiated event, CallState call) {
                return Response.builder()
                        .gather(gather -> gather.gatherUrl(gatherUrl).speakSentence("Hi"))
                        .build();
            }
        };
    }
}
