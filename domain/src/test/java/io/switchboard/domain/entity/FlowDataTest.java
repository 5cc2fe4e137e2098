package io.switchboard.domain.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import com.typesafe.config.ConfigFactory;
import io.switchboard.domain.call.CallAnswered;
import io.switchboard.domain.call.CallEntity;
import io.switchboard.domain.call.CallEvents;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.call.RecordingAvailable;
import io.switchboard.domain.conference.ConferenceEntity;
import io.switchboard.domain.conference.ConferenceEvents;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.conference.ConferenceMemberJoined;
import io.switchboard.domain.conference.ConferenceState;
import io.switchboard.domain.control.CallControl;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.flow.FlowData;
import io.switchboard.domain.flow.FlowDataCodec;
import io.switchboard.domain.flow.FlowDataTooLargeException;
import io.switchboard.domain.flow.FlowServices;
import io.switchboard.domain.flow.SideWork;
import io.switchboard.domain.flow.SideWorkRunner;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A flow's own data about a call, and its side work, as the in-memory entity keeps them: data set with one event
 * is read by the next, kept only with the flow's own reply, bounded in size; side work starts after the reply, and
 * neither a redelivery nor a failed flow starts it.
 */
class FlowDataTest {
    private static final ActorTestKit testKit =
            ActorTestKit.create(ConfigFactory.parseString(EntityTestSupport.TESTKIT_CONFIG));
    private static final ExecutorService flowExecutor = Executors.newFixedThreadPool(2);
    private static final int MAX_BYTES = 64;

    @AfterAll
    static void shutDown() {
        testKit.shutdownTestKit();
        flowExecutor.shutdownNow();
    }

    record Attempts(int count, String note) {}

    /** The domain knows no JSON: this codec writes the one record these tests keep, as JSON by hand. */
    private static final class AttemptsCodec implements FlowDataCodec {
        private static final Pattern FIELDS = Pattern.compile("\\{\"count\":(\\d+),\"note\":\"(.*)\"}");

        @Override
        public FlowData write(Object value) {
            Attempts attempts = (Attempts) value;
            return new FlowData("{\"count\":" + attempts.count() + ",\"note\":\"" + attempts.note() + "\"}");
        }

        @Override
        public <T> T read(FlowData data, Class<T> type) {
            Matcher fields = FIELDS.matcher(data.json());
            if (!fields.matches()) {
                throw new IllegalArgumentException("not Attempts: " + data.json());
            }
            return type.cast(new Attempts(Integer.parseInt(fields.group(1)), fields.group(2)));
        }
    }

    /**
     * Counts gathers in its data and says the count; a gather of "9" sets data over the limit, a gather of "8"
     * does too but catches the refusal, a gather of "7" counts and then fails. A recording starts side work.
     */
    private static final class CountingFlow implements CallFlow {
        @Override
        public Reply onGather(GatherCompleted event, CallState call, FlowContext context) {
            Attempts before = context.data(Attempts.class, () -> new Attempts(0, ""));
            String note = event.digits().equals("9") || event.digits().equals("8") ? "x".repeat(MAX_BYTES) : "";
            try {
                context.setData(new Attempts(before.count() + 1, note));
            } catch (FlowDataTooLargeException refused) {
                if (event.digits().equals("9")) {
                    throw refused;
                }
            }
            if (event.digits().equals("7")) {
                throw new IllegalStateException("the flow breaks after setting its data");
            }
            return Response.builder()
                    .speakSentence("attempt "
                            + context.data(Attempts.class).orElseThrow().count())
                    .build();
        }

        @Override
        public void onRecordingAvailable(RecordingAvailable event, CallState call, FlowContext context) {
            context.sideWork("download " + event.recording().recordingId(), CompletableFuture::new);
        }

        @Override
        public Reply onAnswer(CallAnswered event, CallState call, FlowContext context) {
            context.sideWork("greet", CompletableFuture::new);
            throw new IllegalStateException("the flow breaks after starting side work");
        }
    }

    private final BlockingQueue<SideWork> started = new LinkedBlockingQueue<>();
    private final SideWorkRunner runner = started::add;
    private final CallEvents call = CallEvents.newCall();
    private final ActorRef<VoiceEntity.Command> entity =
            testKit.spawn(InMemoryVoiceEntity.create(CallEntity.rules(call.callId(), new CountingFlow()), wiring()));
    private final TestProbe<EventReply> replies = testKit.createTestProbe();

    /** Flows whose data the {@link AttemptsCodec} writes, with side work started into {@link #started}. */
    private EntityWiring wiring() {
        return new EntityWiring(
                flowExecutor,
                new FlowServices(CallControl.unavailable(), new AttemptsCodec(), MAX_BYTES, runner),
                EntityTestSupport.settings(),
                self -> {},
                self -> {});
    }

    @Test
    void dataSetWithOneEventIsReadByTheNextAndShownByTheInspection() {
        assertEquals("attempt 1", spoken(EntityTestSupport.ask(entity, call.gather("1"), replies)));
        assertEquals("attempt 2", spoken(EntityTestSupport.ask(entity, call.gather("2"), replies)));

        EntityInspection inspection = EntityTestSupport.inspect(testKit, entity);
        assertEquals(new FlowData("{\"count\":2,\"note\":\"\"}"), inspection.flowData());
        assertEquals(
                new FlowData("{\"count\":2,\"note\":\"\"}"),
                inspection.timeline().get(1).flowData(),
                "the entry of the event that set it holds it");
    }

    @Test
    void aRedeliveredEventDoesNotRunTheFlowSoItsDataIsNotSetAgain() {
        GatherCompleted first = call.gather("1");
        EntityTestSupport.ask(entity, first, replies);

        EventReply again = EntityTestSupport.ask(entity, first, replies);

        assertEquals(ReplyOrigin.REDELIVERY, again.origin());
        assertEquals("attempt 2", spoken(EntityTestSupport.ask(entity, call.gather("2"), replies)));
    }

    @Test
    void dataOverTheLimitIsRefusedAndTheEventGetsTheFallback() {
        EntityTestSupport.ask(entity, call.gather("1"), replies);

        EventReply thrown = EntityTestSupport.ask(entity, call.gather("9"), replies);
        EventReply caught = EntityTestSupport.ask(entity, call.gather("8"), replies);

        assertEquals(ReplyOrigin.FLOW_FAILED, thrown.origin());
        assertEquals(ReplyOrigin.FLOW_FAILED, caught.origin(), "a flow that catches the refusal still fails");
        assertEquals(
                new FlowData("{\"count\":1,\"note\":\"\"}"),
                EntityTestSupport.inspect(testKit, entity).flowData());
    }

    @Test
    void dataSetByAFlowThatFailsIsNotKept() {
        EntityTestSupport.ask(entity, call.gather("1"), replies);

        assertEquals(
                ReplyOrigin.FLOW_FAILED,
                EntityTestSupport.ask(entity, call.gather("7"), replies).origin());

        assertEquals("attempt 2", spoken(EntityTestSupport.ask(entity, call.gather("2"), replies)));
    }

    @Test
    void sideWorkStartsAfterTheReplyOnceAndNotForARedeliveryOrAFailedFlow() throws Exception {
        RecordingAvailable available = call.recordingAvailable(CallEvents.fullRecording("r-1"));

        assertEquals(
                ReplyOrigin.FLOW,
                EntityTestSupport.ask(entity, available, replies).origin());
        SideWork work = started.poll(10, TimeUnit.SECONDS);
        assertEquals("download r-1", work.name());
        assertEquals(call.callId().value(), work.owner());

        assertEquals(
                ReplyOrigin.REDELIVERY,
                EntityTestSupport.ask(entity, available, replies).origin());
        assertEquals(
                ReplyOrigin.FLOW_FAILED,
                EntityTestSupport.ask(entity, call.answer(), replies).origin());
        // The entity starts side work before it takes its next event: once this reply is in, none is pending.
        EntityTestSupport.ask(entity, call.gather("1"), replies);
        assertTrue(started.isEmpty(), "started again: " + started);
    }

    @Test
    void aConferenceKeepsFlowDataOfItsOwn() {
        ConferenceEvents room = ConferenceEvents.newConference();
        ActorRef<VoiceEntity.Command> conference = testKit.spawn(InMemoryVoiceEntity.create(
                ConferenceEntity.rules(room.conferenceId(), new ConferenceFlow() {
                    @Override
                    public Reply onMemberJoin(
                            ConferenceMemberJoined event, ConferenceState state, FlowContext context) {
                        Attempts joins = context.data(Attempts.class, () -> new Attempts(0, ""));
                        context.setData(new Attempts(
                                joins.count() + 1, event.member().callId().value()));
                        return Reply.none();
                    }
                }),
                wiring()));

        EntityTestSupport.ask(conference, room.joined(ConferenceEvents.member("c-a", "+15550001")), replies);
        EntityTestSupport.ask(conference, room.joined(ConferenceEvents.member("c-b", "+15550002")), replies);

        assertEquals(
                new FlowData("{\"count\":2,\"note\":\"c-b\"}"),
                EntityTestSupport.inspect(testKit, conference).flowData());
    }

    @Test
    void aContextWithCallControlOnlyRefusesDataAndSideWork() {
        FlowContext context = new FlowContext(CallControl.unavailable());

        assertThrows(IllegalStateException.class, () -> context.setData(new Attempts(1, "")));
        assertThrows(IllegalStateException.class, () -> context.sideWork("later", CompletableFuture::new));
    }

    @Test
    void dataSetAfterTheReplyWasDecidedIsRefused() {
        FlowContext context = new FlowContext(
                new FlowServices(CallControl.unavailable(), new AttemptsCodec(), MAX_BYTES, runner), "c-1", null);
        context.close();

        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> context.setData(new Attempts(1, "")));
        assertTrue(refused.getMessage().startsWith("flow data set after the event's reply was decided"));
        assertNull(context.dataSet());
        assertEquals(List.of(), context.sideWorkRequested());
    }

    private static String spoken(EventReply reply) {
        assertEquals(ReplyOrigin.FLOW, reply.origin(), "reply " + reply);
        return reply.response().verbs().get(0) instanceof io.switchboard.domain.verb.SpeakSentence speak
                ? speak.text()
                : reply.response().toString();
    }
}
