package io.switchboard.bootstrap.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.switchboard.domain.control.UpdateConferenceMember;
import io.switchboard.testkit.flow.CallUnderTest;
import io.switchboard.testkit.flow.FlowTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo conference counts its members aloud; calls reach it through the demo menu's option 3. */
class DemoConferenceFlowTest {
    private static final DemoSettings SETTINGS = new DemoSettings("+15555550100", "switchboard-demo", 3);

    private final FlowTest demo = FlowTest.of(new DemoIvrFlow(SETTINGS), new DemoConferenceFlow());

    private CallUnderTest join(String caller) {
        CallUnderTest call = demo.placeInboundCall(caller, "+15553334444").press("3");
        call.expectSpeaks("Welcome").expectGather();
        call.expectSpeaks("Joining the conference.").expectConference("switchboard-demo");
        return call;
    }

    @Test
    void eachJoinTellsTheRoomHowManyAreInIt() {
        CallUnderTest first = join("+15552220001");
        first.conference().expectSpeaks("You are the first one here.");
        CallUnderTest second = join("+15552220002");
        second.conference().expectSpeaks("There are now 2 people here.");

        first.hangUp();
        first.conference().expectSilence();
        CallUnderTest third = join("+15552220003");
        third.conference().expectSpeaks("There are now 2 people here.");

        second.hangUp();
        third.hangUp();
        assertEquals(
                List.of(
                        "initiate",
                        "gather",
                        "conferenceMemberJoin",
                        "conferenceMemberExit",
                        "conferenceCompleted",
                        "disconnect"),
                third.events());
        List.of(first, second, third).forEach(CallUnderTest::assertNoViolations);
    }

    @Test
    void theRoomStartsAfreshOnceEveryoneLeft() {
        join("+15552220001").hangUp();

        CallUnderTest later = join("+15552220002");

        later.conference().expectSpeaks("You are the first one here.");
        assertEquals("conferenceCreated", later.events().get(2));
    }

    @Test
    void aLateJoinerIsMutedThenUnmutedAfterTheConfiguredTime() {
        FlowTest muting = FlowTest.of(new DemoIvrFlow(SETTINGS), new DemoConferenceFlow(Duration.ofMillis(300)));
        CallUnderTest first =
                muting.placeInboundCall("+15552220001", "+15553334444").press("3");
        first.expectSpeaks("Welcome").expectGather();
        first.expectSpeaks("Joining the conference.").expectConference("switchboard-demo");
        first.conference().expectSpeaks("You are the first one here.");
        CallUnderTest late =
                muting.placeInboundCall("+15552220002", "+15553334444").press("3");
        late.expectSpeaks("Welcome").expectGather();
        late.expectSpeaks("Joining the conference.").expectConference("switchboard-demo");
        late.conference().expectSpeaks("There are now 2 people here.");

        UpdateConferenceMember mute = muting.expectRequest(UpdateConferenceMember.class);
        UpdateConferenceMember unmute = muting.expectRequest(UpdateConferenceMember.class);

        assertEquals(late.callId(), mute.member().value());
        assertEquals(true, mute.mute());
        assertEquals(late.callId(), unmute.member().value());
        assertEquals(false, unmute.mute());
        assertTrue(
                muting.requests().stream()
                        .noneMatch(request -> request instanceof UpdateConferenceMember member
                                && !member.member().value().equals(late.callId())),
                "the first one in is never muted");
    }

    @Test
    void withoutCallControlNobodyIsMuted() {
        DemoConferenceFlow flow =
                DemoConferenceFlow.from(ConfigFactory.parseString("switchboard.demo.late-joiner-mute = 10s"), false);
        FlowTest quiet = FlowTest.of(new DemoIvrFlow(SETTINGS), flow);
        CallUnderTest first =
                quiet.placeInboundCall("+15552220001", "+15553334444").press("3");
        first.expectSpeaks("Welcome").expectGather();
        first.expectSpeaks("Joining the conference.").expectConference("switchboard-demo");
        CallUnderTest late =
                quiet.placeInboundCall("+15552220002", "+15553334444").press("3");
        late.expectSpeaks("Welcome").expectGather();
        late.expectSpeaks("Joining the conference.").expectConference("switchboard-demo");
        late.conference().expectSpeaks("There are now 2 people here.");

        assertEquals(List.of(), quiet.requests());
    }
}
