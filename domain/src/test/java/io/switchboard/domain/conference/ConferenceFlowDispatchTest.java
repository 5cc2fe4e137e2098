package io.switchboard.domain.conference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import com.typesafe.config.ConfigFactory;
import io.switchboard.domain.call.CallEvents;
import io.switchboard.domain.entity.EntityTestSupport;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The new conference events reach their {@link ConferenceFlow} methods through the entity. */
class ConferenceFlowDispatchTest {
    private static final ActorTestKit testKit =
            ActorTestKit.create(ConfigFactory.parseString(EntityTestSupport.TESTKIT_CONFIG));
    private static final ExecutorService flowExecutor = Executors.newFixedThreadPool(2);
    private static final Response MUSIC =
            Response.builder().playAudio("https://example.test/hold.mp3").build();

    @AfterAll
    static void shutDown() {
        testKit.shutdownTestKit();
        flowExecutor.shutdownNow();
    }

    record Ran(String method, ConferenceEvent event, ConferenceState state) {}

    /** Reports every method that runs; a redirect is answered with hold music. */
    private static final class RecordingFlow implements ConferenceFlow {
        private final ActorRef<Ran> ran;

        RecordingFlow(ActorRef<Ran> ran) {
            this.ran = ran;
        }

        @Override
        public Reply onCreated(ConferenceCreated event, ConferenceState conference) {
            ran.tell(new Ran("onCreated", event, conference));
            return Reply.none();
        }

        @Override
        public Reply onRedirect(ConferenceRedirected event, ConferenceState conference) {
            ran.tell(new Ran("onRedirect", event, conference));
            return MUSIC;
        }

        @Override
        public void onRecordingAvailable(ConferenceRecordingAvailable event, ConferenceState conference) {
            ran.tell(new Ran("onRecordingAvailable", event, conference));
        }

        @Override
        public void onUnrecognized(UnrecognizedConferenceEvent event, ConferenceState conference) {
            ran.tell(new Ran("onUnrecognized", event, conference));
        }
    }

    @Test
    void newConferenceEventsReachTheirFlowMethods() {
        ConferenceEvents conference = ConferenceEvents.newConference();
        TestProbe<Ran> ran = testKit.createTestProbe();
        TestProbe<EventReply> replies = testKit.createTestProbe();
        ActorRef<VoiceEntity.Command> entity = testKit.spawn(
                ConferenceEntity.create(
                        conference.conferenceId(),
                        new RecordingFlow(ran.getRef()),
                        flowExecutor,
                        EntityTestSupport.settings(),
                        stop -> {}),
                conference.conferenceId().value());

        ConferenceCreated created = conference.created();
        ConferenceRedirected redirected = conference.redirected();
        ConferenceRecordingAvailable recording = conference.recordingAvailable(CallEvents.fullRecording("cr-1"));
        UnrecognizedConferenceEvent unknown =
                conference.unrecognized("conferenceSpeakerChanged", Map.of("callId", "c-1"));
        List<EventReply> expectedReplies = List.of(
                new EventReply(null, ReplyOrigin.FLOW),
                new EventReply(MUSIC, ReplyOrigin.FLOW),
                new EventReply(null, ReplyOrigin.FLOW),
                new EventReply(null, ReplyOrigin.FLOW));
        List<ConferenceEvent> events = List.of(created, redirected, recording, unknown);
        for (int i = 0; i < events.size(); i++) {
            entity.tell(new VoiceEntity.Handle(events.get(i), replies.getRef()));
            assertEquals(
                    expectedReplies.get(i),
                    replies.receiveMessage(),
                    events.get(i).eventType());
        }

        List<Ran> runs = ran.receiveSeveralMessages(4);
        assertEquals(
                List.of("onCreated", "onRedirect", "onRecordingAvailable", "onUnrecognized"),
                runs.stream().map(Ran::method).toList());
        assertEquals(events, runs.stream().map(Ran::event).toList());
        assertEquals(1, runs.get(1).state().redirectCount());
        assertEquals(
                List.of(CallEvents.fullRecording("cr-1")), runs.get(2).state().recordings());
        assertEquals(1, runs.get(3).state().unrecognizedEvents());
    }

    @Test
    void defaultFlowAnswersTheRedirectWithoutBxml() {
        ConferenceEvents conference = ConferenceEvents.newConference();
        ConferenceState state = ConferenceState.initial(conference.conferenceId());
        assertEquals(Reply.none(), conference.redirected().offerTo(new ConferenceFlow() {}, state));
    }
}
