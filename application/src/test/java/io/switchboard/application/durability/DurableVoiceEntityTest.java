package io.switchboard.application.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.ManualTime;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.japi.Pair;
import akka.persistence.testkit.PersistenceTestKitPlugin;
import akka.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import akka.persistence.testkit.SnapshotMeta;
import akka.persistence.testkit.javadsl.PersistenceTestKit;
import akka.persistence.testkit.javadsl.SnapshotTestKit;
import akka.persistence.typed.PersistenceId;
import com.typesafe.config.ConfigFactory;
import io.switchboard.domain.call.CallEntity;
import io.switchboard.domain.call.CallEvent;
import io.switchboard.domain.call.CallEvents;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.call.ScriptedCallFlow;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.control.CallControl;
import io.switchboard.domain.entity.EntityInspection;
import io.switchboard.domain.entity.EntityMemory;
import io.switchboard.domain.entity.EntitySettings;
import io.switchboard.domain.entity.EntityTestSupport;
import io.switchboard.domain.entity.EntityWiring;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.TimelineEntry;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.flow.FlowServices;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.SpeakSentence;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The durable shell over Akka Persistence's test journal and snapshot store, which serialize what they store
 * (through the service's Jackson bindings) as a real journal does. Timers run on manual time.
 */
class DurableVoiceEntityTest {
    private static final ActorTestKit testKit = ActorTestKit.create(ManualTime.config()
            .withFallback(PersistenceTestKitPlugin.getInstance().config())
            .withFallback(PersistenceTestKitSnapshotPlugin.config())
            .withFallback(ConfigFactory.parseString(EntityTestSupport.TESTKIT_CONFIG))
            .withFallback(ConfigFactory.load()));
    private static final ManualTime manualTime = ManualTime.get(testKit.system());
    private static final PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());
    private static final SnapshotTestKit snapshots = SnapshotTestKit.create(testKit.system());
    private static final ExecutorService flowExecutor = Executors.newFixedThreadPool(2);
    private static final Duration NOTHING_HAPPENS = Duration.ofMillis(300);

    @AfterAll
    static void shutDown() {
        testKit.shutdownTestKit();
        flowExecutor.shutdownNow();
    }

    @BeforeEach
    void healthyJournal() {
        journal.resetPolicy();
    }

    /** One call and what the test watches of it; each {@link #start} is a new incarnation of the same entity. */
    private static final class Fixture {
        final CallEvents call = CallEvents.newCall();
        final PersistenceId persistenceId =
                PersistenceId.of("Call", call.callId().value());
        final TestProbe<ScriptedCallFlow.Call> flowCalls = testKit.createTestProbe();
        final TestProbe<EventReply> replies = testKit.createTestProbe();
        final TestProbe<ActorRef<VoiceEntity.Command>> passivations = testKit.createTestProbe();
        final TestProbe<ActorRef<VoiceEntity.Command>> retentionStarted = testKit.createTestProbe();
        final ScriptedCallFlow flow;
        final EntitySettings settings;
        final int snapshotEvery;
        ActorRef<VoiceEntity.Command> entity;

        Fixture(
                Function<ActorRef<ScriptedCallFlow.Call>, ScriptedCallFlow> flowMaker,
                EntitySettings settings,
                int snapshotEvery) {
            this.flow = flowMaker.apply(flowCalls.getRef());
            this.settings = settings;
            this.snapshotEvery = snapshotEvery;
        }

        Fixture start() {
            Behavior<VoiceEntity.Command> behavior = DurableVoiceEntity.create(
                    persistenceId,
                    CallEntity.rules(call.callId(), flow),
                    new EntityWiring(
                            flowExecutor,
                            FlowServices.of(CallControl.unavailable()),
                            settings,
                            passivations.getRef()::tell,
                            retentionStarted.getRef()::tell),
                    snapshotEvery);
            entity = testKit.spawn(behavior);
            return this;
        }

        /** Stops this incarnation as the shard does, and waits until it is gone. */
        void stop() {
            entity.tell(VoiceEntity.Stop.INSTANCE);
            replies.expectTerminated(entity);
        }

        void send(VoiceEvent event) {
            EntityTestSupport.send(entity, event, replies);
        }

        EventReply ask(VoiceEvent event) {
            return EntityTestSupport.ask(entity, event, replies);
        }

        EntityInspection inspect() {
            return EntityTestSupport.inspect(testKit, entity);
        }

        /** Passivation is asked for exactly {@code timeout} (of manual time) from now, not earlier. */
        void expectPassivationAfter(Duration timeout) {
            manualTime.expectNoMessageFor(timeout.minusMillis(1), passivations);
            manualTime.timePasses(Duration.ofMillis(1));
            assertEquals(entity, passivations.receiveMessage());
        }

        List<Object> stored() {
            return journal.persistedInStorage(persistenceId.id());
        }
    }

    private static Fixture naming() {
        return naming(EntityTestSupport.settings(), 100);
    }

    private static Fixture naming(EntitySettings settings, int snapshotEvery) {
        return new Fixture(
                        calls -> ScriptedCallFlow.sync(calls, (event, state) -> responseNaming(event)),
                        settings,
                        snapshotEvery)
                .start();
    }

    private static Fixture async(EntitySettings settings) {
        return new Fixture(ScriptedCallFlow::async, settings, 100).start();
    }

    private static Response responseNaming(CallEvent event) {
        String digits = event instanceof GatherCompleted gather ? " " + gather.digits() : "";
        return Response.builder().speakSentence(event.eventType() + digits).build();
    }

    private static Response speak(String text) {
        return Response.of(SpeakSentence.of(text));
    }

    private static GatherCompleted again(GatherCompleted gather) {
        return new GatherCompleted(gather.call(), gather.digits(), gather.terminatingDigit());
    }

    // --- stored, then answered; recovered ---------------------------------------------------------------------

    @Test
    void eachAnsweredEventIsStoredWithItsReplyAndANewIncarnationRecoversTheMemory() {
        Fixture f = naming();
        f.ask(f.call.initiate());
        f.ask(f.call.gather("4"));
        f.ask(f.call.gather("2"));
        EntityInspection before = f.inspect();

        List<Object> stored = f.stored();
        assertEquals(before.timeline(), stored, "the journal holds each event with the reply it got");
        f.stop();
        f.start();

        EntityInspection after = f.inspect();
        assertEquals(before, after);
        assertEquals(List.of("4", "2"), ((CallState) after.state()).gatheredDigits());
        GatherCompleted next = f.call.gather("7");
        assertEquals(new EventReply(responseNaming(next), ReplyOrigin.FLOW), f.ask(next));
        assertEquals(
                List.of("4", "2", "7"),
                f.flowCalls.receiveSeveralMessages(4).get(3).state().gatheredDigits(),
                "the flow of the new incarnation sees the whole history");
    }

    @Test
    void aRedeliveryAfterRecoveryGetsTheSameReplyWithoutRunningTheFlowAgain() {
        Fixture f = naming();
        GatherCompleted gather = f.call.gather("42");
        EventReply first = f.ask(gather);
        f.stop();
        f.start();

        EventReply second = f.ask(again(gather));

        assertEquals(new EventReply(first.response(), ReplyOrigin.REDELIVERY), second);
        assertEquals(1, f.flow.calls(), "the flow ran once, in the first incarnation");
        List<Object> stored = f.stored();
        assertEquals(2, stored.size(), "the redelivery joins the stored timeline");
        assertEquals(
                ReplyOrigin.REDELIVERY, ((TimelineEntry) stored.get(1)).reply().origin());
        f.stop();
        f.start();
        assertEquals(
                List.of("42"),
                ((CallState) f.inspect().state()).gatheredDigits(),
                "a stored redelivery changes no state on recovery");
    }

    @Test
    void aCopySentAgainAfterTheOriginalWasAnsweredIsAnsweredAndNotStored() {
        Fixture f = naming();
        GatherCompleted gather = f.call.gather("42");
        VoiceEntity.Handle original = new VoiceEntity.Handle(gather, f.replies.getRef());
        f.entity.tell(original);
        EventReply first = f.replies.receiveMessage();

        f.entity.tell(original.asCopy());

        assertEquals(new EventReply(first.response(), ReplyOrigin.REDELIVERY), f.replies.receiveMessage());
        assertEquals(1, f.stored().size(), "Bandwidth sent the event once: one entry stored");
    }

    @Test
    void anEventTheJournalFailsToStoreIsAnsweredNotStoredAndItsRetryIsHandledAfresh() {
        Fixture f = naming();
        f.ask(f.call.initiate());
        GatherCompleted gather = f.call.gather("5");
        journal.failNextPersisted(f.persistenceId.id());

        f.send(gather);

        // The journal failed: no BXML for an event nobody kept; the entity stops, as its memory may be ahead.
        assertEquals(EventReply.notStored(), f.replies.receiveMessage());
        f.replies.expectTerminated(f.entity);
        assertFalse(JournalHealth.get(testKit.system()).storing(), "the failure is known to the node");
        assertEquals(1, f.stored().size(), "only the initiate is stored");
        f.start();
        assertEquals(
                new EventReply(responseNaming(gather), ReplyOrigin.FLOW),
                f.ask(again(gather)),
                "Bandwidth's retry is handled afresh, not taken for a redelivery");
        assertEquals(3, f.flow.calls(), "initiate, the gather that was never stored, and its retry");
    }

    @Test
    void snapshotsHoldTheWholeMemoryAndRecoveryStartsFromTheLatest() {
        Fixture f = naming(EntityTestSupport.settings(16, 4), 3);
        List<GatherCompleted> gathers = List.of(
                f.call.gather("1"),
                f.call.gather("2"),
                f.call.gather("3"),
                f.call.gather("4"),
                f.call.gather("5"),
                f.call.gather("6"),
                f.call.gather("7"));
        gathers.forEach(f::ask);
        EntityInspection asAnswered = f.inspect();

        List<Pair<SnapshotMeta, Object>> taken = snapshots.persistedInStorage(f.persistenceId.id());
        assertEquals(
                List.of(3L, 6L),
                taken.stream().map(pair -> pair.first().sequenceNr()).toList());
        EntityMemory<?> latest =
                assertInstanceOf(EntityMemory.class, taken.get(1).second());
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), ((CallState) latest.state()).gatheredDigits());
        assertEquals(
                gathers.subList(2, 6),
                latest.timeline().stream().map(TimelineEntry::event).toList());

        f.stop();
        f.start();
        assertEquals(asAnswered, f.inspect(), "snapshot 6 and event 7 make the same memory");

        // Without its events, the snapshot alone is what a recovery finds.
        f.stop();
        journal.clearByIdPreservingSeqNumbers(f.persistenceId.id());
        f.start();
        assertEquals(
                List.of("1", "2", "3", "4", "5", "6"), ((CallState) f.inspect().state()).gatheredDigits());
    }

    // --- ordering and stopping --------------------------------------------------------------------------------

    @Test
    void eventsSentAtOnceWaitForTheAsyncFlowAndAreStoredAndAnsweredInOrder() {
        Fixture f = async(EntityTestSupport.settings());
        List<GatherCompleted> events = List.of(f.call.gather("1"), f.call.gather("2"), f.call.gather("3"));
        events.forEach(f::send);

        for (GatherCompleted event : events) {
            ScriptedCallFlow.Call working = f.flowCalls.receiveMessage();
            assertEquals(event, working.event());
            f.flowCalls.expectNoMessage(NOTHING_HAPPENS);
            working.pending().complete(speak(event.digits()));
            assertEquals(new EventReply(speak(event.digits()), ReplyOrigin.FLOW), f.replies.receiveMessage());
        }
        assertEquals(
                events,
                f.stored().stream()
                        .map(entry -> ((TimelineEntry) entry).event())
                        .toList());
        assertEquals(1, f.flow.mostRunningAtOnce());
    }

    @Test
    void inspectionWhileTheFlowWorksShowsTheEventPendingAndNothingIsStoredYet() {
        Fixture f = async(EntityTestSupport.settings());
        GatherCompleted gather = f.call.gather("9");
        f.send(gather);
        ScriptedCallFlow.Call working = f.flowCalls.receiveMessage();

        EntityInspection meanwhile = f.inspect();
        assertEquals(List.of("9"), ((CallState) meanwhile.state()).gatheredDigits());
        assertFalse(meanwhile.timeline().get(0).answered());
        assertEquals(List.of(), f.stored());

        working.pending().complete(speak("done"));
        f.replies.receiveMessage();
        assertEquals(1, f.stored().size());
    }

    @Test
    void stopWhileTheFlowWorksAnswersAndStoresTheEventsThatCameFirstThenStops() {
        Fixture f = async(EntityTestSupport.settings());
        GatherCompleted first = f.call.gather("1");
        GatherCompleted second = f.call.gather("2");
        f.send(first);
        ScriptedCallFlow.Call working = f.flowCalls.receiveMessage();
        f.send(second);
        f.entity.tell(VoiceEntity.Stop.INSTANCE);
        f.entity.tell(VoiceEntity.Stop.INSTANCE);

        working.pending().complete(speak("first"));
        assertEquals(new EventReply(speak("first"), ReplyOrigin.FLOW), f.replies.receiveMessage());
        ScriptedCallFlow.Call next = f.flowCalls.receiveMessage();
        assertEquals(second, next.event());
        next.pending().complete(speak("second"));
        assertEquals(new EventReply(speak("second"), ReplyOrigin.FLOW), f.replies.receiveMessage());
        f.replies.expectTerminated(f.entity);
        assertEquals(2, f.stored().size());
    }

    @Test
    void eventsBeyondTheStashCapacityAreShedAndNeitherStoredNorRemembered() {
        Fixture f = async(EntityTestSupport.settings(2));
        List<GatherCompleted> events =
                List.of(f.call.gather("1"), f.call.gather("2"), f.call.gather("3"), f.call.gather("4"));
        events.forEach(f::send);

        ScriptedCallFlow.Call working = f.flowCalls.receiveMessage();
        assertEquals(new EventReply(EntityTestSupport.FALLBACK, ReplyOrigin.OVERLOADED), f.replies.receiveMessage());
        working.pending().complete(speak("1"));
        for (int i = 1; i < 3; i++) {
            f.replies.receiveMessage();
            f.flowCalls.receiveMessage().pending().complete(speak(events.get(i).digits()));
        }
        f.replies.receiveMessage();
        assertEquals(
                events.subList(0, 3),
                f.stored().stream()
                        .map(entry -> ((TimelineEntry) entry).event())
                        .toList());
    }

    @Test
    void aFlowThatTimesOutIsStoredWithItsFallback() {
        Fixture f = async(EntityTestSupport.settings());
        GatherCompleted slow = f.call.gather("1");
        f.send(slow);
        f.flowCalls.receiveMessage();
        f.inspect(); // the Handle, and so the flow timer, is processed

        manualTime.timePasses(EntityTestSupport.FLOW_TIMEOUT);

        EventReply fallback = new EventReply(EntityTestSupport.FALLBACK, ReplyOrigin.FLOW_TIMED_OUT);
        assertEquals(fallback, f.replies.receiveMessage());
        assertEquals(
                List.of(new TimelineEntry(slow, ((TimelineEntry) f.stored().get(0)).receivedAt(), fallback)),
                f.stored());
    }

    // --- lifecycle --------------------------------------------------------------------------------------------

    @Test
    void anEntityStartedByAnInspectionShowsItsRecoveredHistoryAndAsksToBePassivated() {
        Fixture f = naming();
        f.ask(f.call.initiate());
        f.stop();
        f.start();

        EntityInspection recovered = f.inspect();

        assertTrue(recovered.hasHistory(), "recovered history counts");
        assertEquals(f.entity, f.passivations.receiveMessage());
    }

    @Test
    void aRecoveredEndedCallStaysForItsRetentionThenAsksToBePassivated() {
        Fixture f = naming();
        f.ask(f.call.initiate());
        f.ask(f.call.disconnect(DisconnectCause.HANGUP));
        f.stop();
        f.start();
        // A late transcription: recovered ended, the call is resident for its retention from the recovery on.
        assertEquals(
                new EventReply(null, ReplyOrigin.FLOW),
                f.ask(f.call.transcription(null, CallEvents.transcriptionOf("r-1"))));

        f.expectPassivationAfter(EntityTestSupport.RETENTION);
    }

    @Test
    void anEndedCallAndItsRecoveryEachTellTheOwnerAndLeaveWhenSentAwayBeforeTheRetentionIsOver() {
        Fixture f = naming();
        f.ask(f.call.initiate());
        f.retentionStarted.expectNoMessage();
        f.ask(f.call.disconnect(DisconnectCause.HANGUP));
        assertEquals(f.entity, f.retentionStarted.receiveMessage());
        f.stop();

        f.start();
        assertEquals(f.entity, f.retentionStarted.receiveMessage(), "recovered ended");
        f.passivations.expectNoMessage();
        // Sent away by memory admission: no time passes, the journal keeps what it knew.
        f.entity.tell(VoiceEntity.RetentionElapsed.INSTANCE);
        assertEquals(f.entity, f.passivations.receiveMessage());
        f.stop();
        f.start();
        assertTrue(f.inspect().hasHistory());
    }

    @Test
    void anIdleRecoveredCallAsksToBePassivatedAfterItsIdleTimeout() {
        Fixture f = naming();
        f.ask(f.call.initiate());
        f.stop();
        f.start();
        f.ask(f.call.answer()); // served: it stays for events, not for inspection

        f.expectPassivationAfter(EntityTestSupport.IDLE_TIMEOUT);
    }

    // --- purge ------------------------------------------------------------------------------------------------

    @Test
    void anEndedCallPurgesItsEventsAndSnapshotsAndForgetsEverything() {
        Fixture f = naming(EntityTestSupport.settings(), 2);
        f.ask(f.call.initiate());
        f.ask(f.call.gather("3"));
        f.ask(f.call.disconnect(DisconnectCause.HANGUP));
        assertFalse(snapshots.persistedInStorage(f.persistenceId.id()).isEmpty());
        TestProbe<DurableVoiceEntity.PurgeOutcome> outcome = testKit.createTestProbe();

        f.entity.tell(new DurableVoiceEntity.Purge(outcome.getRef()));

        assertEquals(DurableVoiceEntity.PurgeOutcome.PURGED, outcome.receiveMessage());
        assertEquals(
                List.of(),
                f.stored().stream().filter(TimelineEntry.class::isInstance).toList());
        assertEquals(List.of(), snapshots.persistedInStorage(f.persistenceId.id()));
        assertFalse(f.inspect().hasHistory());
        assertEquals(f.entity, f.passivations.receiveMessage());
        f.stop();
        f.start();
        assertFalse(f.inspect().hasHistory(), "nothing to recover");
    }

    @Test
    void aLiveCallIsNotPurged() {
        Fixture f = naming();
        f.ask(f.call.initiate());
        TestProbe<DurableVoiceEntity.PurgeOutcome> outcome = testKit.createTestProbe();

        f.entity.tell(new DurableVoiceEntity.Purge(outcome.getRef()));

        assertEquals(DurableVoiceEntity.PurgeOutcome.NOT_ENDED, outcome.receiveMessage());
        assertEquals(1, f.stored().size());
        assertTrue(f.inspect().hasHistory());
    }
}
