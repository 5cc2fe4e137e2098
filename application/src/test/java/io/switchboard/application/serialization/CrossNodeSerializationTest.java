package io.switchboard.application.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.SerializationTestKit;
import akka.serialization.SerializationExtension;
import akka.serialization.jackson.JacksonCborSerializer;
import io.switchboard.application.OneNodeCluster;
import io.switchboard.application.SampleEvents;
import io.switchboard.application.durability.DurableVoiceEntity;
import io.switchboard.domain.call.CallEvent;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceEvent;
import io.switchboard.domain.conference.ConferenceState;
import io.switchboard.domain.entity.EntityInspection;
import io.switchboard.domain.entity.EntityMemory;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.TimelineEntry;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.flow.FlowData;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.VerbSamples;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message that may cross nodes, and everything a durable entity stores (journal entries, snapshots),
 * survives Jackson CBOR, through the serializer the bindings in
 * reference.conf select. The mix-in module is loaded by reflection and Akka only logs a failure to load it,
 * so this test is what proves it works.
 */
class CrossNodeSerializationTest {
    private static final ActorTestKit testKit = OneNodeCluster.testKit();
    private static final SerializationTestKit serialization = testKit.serializationTestKit();

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    static List<VoiceEvent> everyEvent() {
        return SampleEvents.everyKind("c-serial");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    void handleOfEveryEventSurvives(VoiceEvent event) {
        var handle = new VoiceEntity.Handle(
                event, testKit.<EventReply>createTestProbe().getRef());
        assertEquals(handle, serialization.verifySerialization(handle, true));
        assertBoundToCbor(handle);
        assertEquals(handle.asCopy(), serialization.verifySerialization(handle.asCopy(), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    void redeliveryNoticeOfEveryEventSurvives(VoiceEvent event) {
        var redelivered = new VoiceEntity.Redelivered(event, Instant.parse("2026-12-03T16:00:00.123Z"));
        assertEquals(redelivered, serialization.verifySerialization(redelivered, true));
        assertBoundToCbor(redelivered);
    }

    @Test
    void replyHoldingEveryVerbWithEveryAttributeSurvives() {
        EventReply reply = new EventReply(everyVerb(), ReplyOrigin.FLOW);
        assertEquals(reply, serialization.verifySerialization(reply, true));
        assertBoundToCbor(reply);
    }

    @Test
    void replyWithoutBxmlSurvives() {
        EventReply reply = new EventReply(null, ReplyOrigin.DEADLINE_EXCEEDED);
        assertEquals(reply, serialization.verifySerialization(reply, true));
    }

    @Test
    void inspectSurvives() {
        var inspect = new VoiceEntity.Inspect(
                testKit.<EntityInspection>createTestProbe().getRef());
        assertEquals(inspect, serialization.verifySerialization(inspect, true));
    }

    @Test
    void inspectionOfACallThatSawEveryKindOfEventSurvives() {
        List<VoiceEvent> events = everyEvent();
        CallState state = CallState.initial(CallId.of("c-serial"));
        List<TimelineEntry> timeline = new ArrayList<>();
        Instant receivedAt = Instant.parse("2026-11-25T10:00:00.123456Z");
        for (VoiceEvent event : events) {
            if (event instanceof CallEvent callEvent) {
                state = state.apply(callEvent);
            }
            timeline.add(new TimelineEntry(event, receivedAt, new EventReply(everyVerb(), ReplyOrigin.FLOW)));
        }
        timeline.add(TimelineEntry.pending(events.get(0), receivedAt));
        EntityInspection inspection = new EntityInspection(state, timeline);

        assertEquals(inspection, serialization.verifySerialization(inspection, true));
        assertBoundToCbor(inspection);
    }

    @Test
    void inspectionOfAConferenceSurvives() {
        ConferenceState state = ConferenceState.initial(ConferenceId.of("conf-c-serial"));
        for (VoiceEvent event : everyEvent()) {
            if (event instanceof ConferenceEvent conferenceEvent) {
                state = state.apply(conferenceEvent);
            }
        }
        EntityInspection inspection = new EntityInspection(state, List.of());
        assertEquals(inspection, serialization.verifySerialization(inspection, true));
    }

    @Test
    void journalEntryOfEveryEventSurvives() {
        Instant receivedAt = Instant.parse("2026-11-25T10:00:00.123456Z");
        for (VoiceEvent event : everyEvent()) {
            for (TimelineEntry entry : List.of(
                    new TimelineEntry(event, receivedAt, new EventReply(everyVerb(), ReplyOrigin.FLOW)),
                    new TimelineEntry(event, receivedAt, new EventReply(null, ReplyOrigin.REDELIVERY)))) {
                assertEquals(entry, serialization.verifySerialization(entry, true));
                assertBoundToCbor(entry);
            }
        }
    }

    @Test
    void snapshotOfACallAndOfAConferenceSurvive() {
        CallState call = CallState.initial(CallId.of("c-serial"));
        ConferenceState conference = ConferenceState.initial(ConferenceId.of("conf-c-serial"));
        List<TimelineEntry> timeline = new ArrayList<>();
        for (VoiceEvent event : everyEvent()) {
            if (event instanceof CallEvent callEvent) {
                call = call.apply(callEvent);
                timeline.add(new TimelineEntry(event, Instant.EPOCH, new EventReply(everyVerb(), ReplyOrigin.FLOW)));
            } else if (event instanceof ConferenceEvent conferenceEvent) {
                conference = conference.apply(conferenceEvent);
            }
        }
        for (EntityMemory<?> memory : List.of(new EntityMemory<>(call, timeline), EntityMemory.empty(conference))) {
            assertEquals(memory, serialization.verifySerialization(memory, true));
            assertBoundToCbor(memory);
        }
    }

    @Test
    void flowDataSurvivesInTheJournalEntryTheSnapshotAndTheInspection() {
        FlowData data = new FlowData("{\"attempts\":2,\"account\":\"A-17\"}");
        CallState call = CallState.initial(CallId.of("c-serial"));
        List<TimelineEntry> timeline = List.of(new TimelineEntry(
                everyEvent().get(0), Instant.EPOCH, new EventReply(everyVerb(), ReplyOrigin.FLOW), List.of(), data));
        for (Object message : List.of(
                timeline.get(0),
                new EntityMemory<>(call, timeline, data),
                new EntityInspection(call, timeline, data))) {
            assertEquals(message, serialization.verifySerialization(message, true));
            assertBoundToCbor(message);
        }
    }

    @Test
    void purgeItsOutcomesAndTheForgottenMarkerSurvive() {
        var purge = new DurableVoiceEntity.Purge(
                testKit.<DurableVoiceEntity.PurgeOutcome>createTestProbe().getRef());
        assertEquals(purge, serialization.verifySerialization(purge, true));
        for (DurableVoiceEntity.PurgeOutcome outcome : DurableVoiceEntity.PurgeOutcome.values()) {
            assertEquals(outcome, serialization.verifySerialization(outcome, true));
            assertBoundToCbor(outcome);
        }
        assertEquals(
                DurableVoiceEntity.Forgotten.INSTANCE,
                serialization.verifySerialization(DurableVoiceEntity.Forgotten.INSTANCE, true));
        assertBoundToCbor(DurableVoiceEntity.Forgotten.INSTANCE);
    }

    @Test
    void stopSurvives() {
        assertEquals(VoiceEntity.Stop.INSTANCE, serialization.verifySerialization(VoiceEntity.Stop.INSTANCE, true));
    }

    private static void assertBoundToCbor(Object message) {
        assertTrue(
                SerializationExtension.get(testKit.system().classicSystem()).findSerializerFor(message)
                        instanceof JacksonCborSerializer,
                "bound to jackson-cbor");
    }

    private static Response everyVerb() {
        return VerbSamples.everyVerb();
    }
}
