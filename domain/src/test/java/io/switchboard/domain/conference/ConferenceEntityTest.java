package io.switchboard.domain.conference;

import static io.switchboard.domain.entity.EntityTestSupport.FALLBACK;
import static io.switchboard.domain.entity.EntityTestSupport.RETENTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.ManualTime;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import com.typesafe.config.ConfigFactory;
import io.switchboard.domain.call.CallEvents;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EntityInspection;
import io.switchboard.domain.entity.EntityTestSupport;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ConferenceEntityTest {

    private static final ActorTestKit testKit = ActorTestKit.create(
            ManualTime.config().withFallback(ConfigFactory.parseString(EntityTestSupport.TESTKIT_CONFIG)));
    private static final ManualTime manualTime = ManualTime.get(testKit.system());
    private static final ExecutorService flowExecutor = Executors.newFixedThreadPool(2);

    private static final ConferenceMember ALICE = ConferenceEvents.member("c-alice", "+15555550101");
    private static final ConferenceMember BOB = ConferenceEvents.member("c-bob", "+15555550102");

    @AfterAll
    static void shutDown() {
        testKit.shutdownTestKit();
        flowExecutor.shutdownNow();
    }

    /** What the flow was asked about: the event and the conference as it saw it. */
    private record Seen(ConferenceEvent event, ConferenceState state) {}

    /** Greets each joining member; says nothing to the other events. Reports every call to {@code seen}. */
    private static final class GreetingFlow implements ConferenceFlow {
        private final ActorRef<Seen> seen;

        GreetingFlow(ActorRef<Seen> seen) {
            this.seen = seen;
        }

        @Override
        public Reply onCreated(ConferenceCreated event, ConferenceState conference) {
            seen.tell(new Seen(event, conference));
            return Reply.none();
        }

        @Override
        public Reply onMemberJoin(ConferenceMemberJoined event, ConferenceState conference) {
            seen.tell(new Seen(event, conference));
            if (event.member().from() == null) {
                throw new IllegalStateException("no caller id to greet (expected by the test)");
            }
            return greeting(event.member());
        }

        @Override
        public Reply onMemberExit(ConferenceMemberExited event, ConferenceState conference) {
            seen.tell(new Seen(event, conference));
            return Reply.none();
        }

        @Override
        public void onCompleted(ConferenceCompleted event, ConferenceState conference) {
            seen.tell(new Seen(event, conference));
        }
    }

    private static Response greeting(ConferenceMember member) {
        return Response.builder().speakSentence("Welcome, " + member.from()).build();
    }

    private record Fixture(
            ConferenceEvents conference,
            ActorRef<VoiceEntity.Command> entity,
            TestProbe<Seen> seen,
            TestProbe<EventReply> replies,
            TestProbe<ActorRef<VoiceEntity.Command>> passivations) {
        EventReply ask(VoiceEvent event) {
            entity.tell(new VoiceEntity.Handle(event, replies.getRef()));
            return replies.receiveMessage();
        }
    }

    private static Fixture start() {
        return start(GreetingFlow::new);
    }

    private static Fixture start(Function<ActorRef<Seen>, ConferenceFlow> flowMaker) {
        ConferenceEvents conference = ConferenceEvents.newConference();
        TestProbe<Seen> seen = testKit.createTestProbe();
        TestProbe<EventReply> replies = testKit.createTestProbe();
        TestProbe<ActorRef<VoiceEntity.Command>> passivations = testKit.createTestProbe();
        ActorRef<VoiceEntity.Command> entity = testKit.spawn(
                ConferenceEntity.create(
                        conference.conferenceId(),
                        flowMaker.apply(seen.getRef()),
                        flowExecutor,
                        EntityTestSupport.settings(),
                        passivations.getRef()::tell),
                conference.conferenceId().value());
        return new Fixture(conference, entity, seen, replies, passivations);
    }

    @Test
    void flowSeesTheMemberListAsTheConferenceGoes() {
        Fixture f = start();
        ConferenceEvents conference = f.conference();

        assertEquals(new EventReply(null, ReplyOrigin.FLOW), f.ask(conference.created()));
        assertEquals(new EventReply(greeting(ALICE), ReplyOrigin.FLOW), f.ask(conference.joined(ALICE)));
        assertEquals(new EventReply(greeting(BOB), ReplyOrigin.FLOW), f.ask(conference.joined(BOB)));
        assertEquals(new EventReply(null, ReplyOrigin.FLOW), f.ask(conference.exited(ALICE)));
        assertEquals(new EventReply(null, ReplyOrigin.FLOW), f.ask(conference.completed()));

        List<Seen> seen = f.seen().receiveSeveralMessages(5);
        assertEquals(List.of(), seen.get(0).state().members());
        assertEquals(List.of(ALICE), seen.get(1).state().members());
        assertEquals(List.of(ALICE, BOB), seen.get(2).state().members());
        assertEquals(List.of(BOB), seen.get(3).state().members());
        assertEquals(List.of(), seen.get(4).state().members());
        assertFalse(seen.get(3).state().hasEnded());
        assertTrue(seen.get(4).state().hasEnded());
        assertEquals(2, seen.get(4).state().peakMembers());
        assertEquals(conference.name(), seen.get(4).state().name());
    }

    @Test
    void replyNoneToAnEventExecutedIfPresentIsAnsweredWithoutBxml() {
        Fixture f = start();
        EventReply created = f.ask(f.conference().created());
        assertEquals(ReplyOrigin.FLOW, created.origin());
        assertEquals(null, created.response());
        assertTrue(created.bxml().isEmpty());
        assertTrue(f.ask(f.conference().exited(ALICE)).bxml().isEmpty());
    }

    @Test
    void failingFlowOnAMemberJoinGetsAnEmptyFallback() {
        Fixture f = start();
        f.ask(f.conference().created());
        ConferenceMember anonymous = new ConferenceMember(ALICE.callId(), null, null);
        assertEquals(
                new EventReply(null, ReplyOrigin.FLOW_FAILED),
                f.ask(f.conference().joined(anonymous)));
        assertEquals(
                new EventReply(greeting(BOB), ReplyOrigin.FLOW),
                f.ask(f.conference().joined(BOB)));
    }

    @Test
    void joinAnsweredWithANonConferenceVerbGetsTheFallbackInstead() {
        Response gatherOnJoin =
                Response.of(Gather.builder().speakSentence("Press 1 to mute").build());
        Fixture f = start(seen -> new ConferenceFlow() {
            @Override
            public Reply onMemberJoin(ConferenceMemberJoined event, ConferenceState conference) {
                return event.member().equals(ALICE) ? gatherOnJoin : greeting(event.member());
            }
        });

        assertEquals(
                new EventReply(null, ReplyOrigin.INVALID_BXML),
                f.ask(f.conference().joined(ALICE)));
        assertEquals(
                new EventReply(greeting(BOB), ReplyOrigin.FLOW),
                f.ask(f.conference().joined(BOB)));
    }

    @Test
    void redeliveredJoinIsAnsweredAsBeforeAndNotCountedTwice() {
        Fixture f = start();
        ConferenceMemberJoined join = f.conference().joined(ALICE);
        EventReply first = f.ask(join);
        EventReply again = f.ask(new ConferenceMemberJoined(join.conference(), join.member()));
        assertEquals(new EventReply(first.response(), ReplyOrigin.REDELIVERY), again);

        f.ask(f.conference().joined(BOB));
        List<Seen> seen = f.seen().receiveSeveralMessages(2);
        assertEquals(2, seen.get(1).state().joinCount());
        f.seen().expectNoMessage(Duration.ofMillis(300));
    }

    @Test
    void callEventSentToAConferenceEntityIsMisrouted() {
        Fixture f = start();
        assertEquals(
                new EventReply(FALLBACK, ReplyOrigin.MISROUTED),
                f.ask(CallEvents.newCall().initiate()));
        f.seen().expectNoMessage(Duration.ofMillis(300));
        assertEquals(
                new EventReply(null, ReplyOrigin.FLOW), f.ask(f.conference().created()));
    }

    @Test
    void inspectionReportsTheMembersAndTheConferenceHistory() {
        Fixture f = start();
        ConferenceEvents conference = f.conference();
        f.ask(conference.created());
        f.ask(conference.joined(ALICE));
        TestProbe<EntityInspection> probe = testKit.createTestProbe();

        f.entity().tell(new VoiceEntity.Inspect(probe.getRef()));

        EntityInspection inspection = probe.receiveMessage();
        assertEquals(List.of(ALICE), ((ConferenceState) inspection.state()).members());
        assertEquals(
                List.of("conferenceCreated", "conferenceMemberJoin"),
                inspection.timeline().stream()
                        .map(entry -> entry.event().eventType())
                        .toList());
        assertEquals(greeting(ALICE), inspection.timeline().get(1).reply().response());
    }

    @Test
    void completedConferenceAsksToBePassivatedAfterItsRetention() {
        Fixture f = start();
        f.ask(f.conference().created());
        f.ask(f.conference().completed()); // the retention timer starts before the reply is sent

        manualTime.expectNoMessageFor(RETENTION.minusMillis(1), f.passivations());
        manualTime.timePasses(Duration.ofMillis(1));
        assertEquals(f.entity(), f.passivations().receiveMessage());

        f.entity().tell(VoiceEntity.Stop.INSTANCE);
        f.passivations().expectTerminated(f.entity());
    }
}
