package io.switchboard.testkit.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import io.switchboard.testkit.simulator.MiniIvr;
import io.switchboard.testkit.simulator.ReplyChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowTestTest {
    private static final String CALLER = "+15552223333";
    private static final String OUR_NUMBER = "+15553334444";

    private final FlowTest flows = FlowTest.of(new MiniIvr(), MiniIvr.ROOM);

    @Test
    void aWrongKeySaysGoodbyeAndTheBxmlHangsUp() {
        CallUnderTest call = flows.placeInboundCall(CALLER, OUR_NUMBER);
        Gather menu = call.expectSpeaks("Welcome").expectGather();
        assertEquals(1, menu.maxDigits());

        call.press("9");

        call.expectSpeaks("Goodbye").expectHangup();
        assertEquals(DisconnectCause.HANGUP, call.expectEnded().disconnectCause());
        assertEquals(List.of("initiate", "gather", "disconnect"), call.events());
        call.assertNoViolations();
    }

    @Test
    void aMessageLeftByHangingUpGetsNoRecordCompleteButItsRecordingAndTranscription() {
        CallUnderTest call = flows.placeInboundCall(CALLER, OUR_NUMBER);
        call.press("2");
        call.expectSpeaks("Welcome").expectGather();
        call.expectSpeaks("Leave a message").expectRecord();

        call.hangUp();

        assertTrue(call.expectEnded().byCaller());
        assertEquals(
                List.of("initiate", "gather", "disconnect", "recordingAvailable", "transcriptionAvailable"),
                call.events());
        call.assertNoViolations();
    }

    @Test
    void aFinishedRecordingIsAnsweredByTheFlow() {
        CallUnderTest call = flows.placeInboundCall(CALLER, OUR_NUMBER).press("2");
        call.finishRecording();
        call.expectSpeaks("Welcome").expectGather();
        call.expectSpeaks("Leave").expectRecord();
        call.expectSpeaks("Thanks").expectHangup();
        assertEquals(
                List.of(
                        "initiate",
                        "gather",
                        "recordComplete",
                        "disconnect",
                        "recordingAvailable",
                        "transcriptionAvailable"),
                call.events());
    }

    @Test
    void aTransferPlaysTheTargetItsBxmlThenTellsTheCallerLegItEnded() {
        CallUnderTest call = flows.placeInboundCall(CALLER, OUR_NUMBER).press("1");
        call.expectSpeaks("Welcome").expectGather();
        call.expectSpeaks("Transferring");
        call.expectTransfer(MiniIvr.AGENT);
        call.transferTarget().expectSpeaks("A caller for you");

        call.farEndHangsUp();

        call.expectSpeaks("The transfer ended").expectHangup();
        assertEquals(
                List.of("initiate", "gather", "transferAnswer", "transferDisconnect", "transferComplete", "disconnect"),
                call.events());
        call.assertNoViolations();
    }

    @Test
    void twoCallersMeetInOneConferenceWhichEndsWhenTheLastLeaves() {
        CallUnderTest first = flows.placeInboundCall(CALLER, OUR_NUMBER).press("3");
        first.expectSpeaks("Welcome").expectGather();
        first.expectConference("room");
        first.conference().expectSpeaks("Members: 1");
        CallUnderTest second =
                flows.placeInboundCall("+15552229999", OUR_NUMBER).press("3");
        second.conference().expectSpeaks("Members: 2");

        first.hangUp();
        second.hangUp();

        assertEquals(
                List.of(
                        "initiate",
                        "gather",
                        "conferenceCreated",
                        "conferenceMemberJoin",
                        "conferenceMemberExit",
                        "disconnect"),
                first.events());
        assertEquals(
                List.of(
                        "initiate",
                        "gather",
                        "conferenceMemberJoin",
                        "conferenceMemberExit",
                        "conferenceCompleted",
                        "disconnect"),
                second.events());
        first.assertNoViolations();
        second.assertNoViolations();
    }

    @Test
    void callbacksTheFlowLeavesWithoutUrlComeHomeAsTheServiceWouldPointThem() {
        CallFlow terse = new CallFlow() {
            @Override
            public Reply onInitiate(CallInitiated event, CallState call) {
                return Response.builder()
                        .gather(gather -> gather.maxDigits(1).speakSentence("Pick one"))
                        .build();
            }

            @Override
            public Reply onGather(GatherCompleted event, CallState call) {
                return Response.builder()
                        .speakSentence("You picked " + event.digits())
                        .hangup()
                        .build();
            }
        };
        CallUnderTest call =
                FlowTest.of(terse).placeInboundCall(CALLER, OUR_NUMBER).press("7");

        call.expectSpeaks("Pick one").expectGather();
        call.expectSpeaks("You picked 7").expectHangup();
        assertEquals(List.of("initiate", "gather", "disconnect"), call.events());
        call.assertNoViolations();
    }

    @Test
    void aRedirectFetchesNewBxml() {
        CallUnderTest call = flows.placeInboundCall(CALLER, OUR_NUMBER).press("4");
        call.expectSpeaks("Welcome").expectGather();
        call.expectRedirect().expectSpeaks("Again").expectGather();
        assertEquals(List.of("initiate", "gather", "redirect"), call.events());
    }

    @Test
    void aReplyGivenLaterIsWaitedFor() {
        CallUnderTest call = flows.placeInboundCall(CALLER, OUR_NUMBER).press("5");
        call.expectSpeaks("Welcome").expectGather();
        call.expectSpeaks("Looked it up").expectHangup();
        call.assertNoViolations();
    }

    @Test
    void aFailingFlowIsHeardAsTheFallbackAndReportedWithCallAndEvent() {
        CallFlow broken = new CallFlow() {
            @Override
            public Reply onInitiate(CallInitiated event, CallState call) {
                throw new IllegalStateException("database down");
            }
        };
        CallUnderTest call = FlowTest.of(broken).placeInboundCall(CALLER, OUR_NUMBER);

        call.expectSpeaks("We are sorry");
        assertEquals(ReplyChecks.FALLBACK, call.violations().get(0).check());
        AssertionError failure = assertThrows(AssertionError.class, call::assertNoViolations);
        assertTrue(failure.getMessage().contains("call " + call.callId()), failure.getMessage());
        assertTrue(
                failure.getMessage().contains("initiate")
                        && failure.getMessage().contains("FLOW_FAILED"),
                failure.getMessage());
    }

    @Test
    void aFailedExpectationSaysWhatHappenedInstead() {
        CallUnderTest call = flows.placeInboundCall(CALLER, OUR_NUMBER);

        AssertionError failure = assertThrows(AssertionError.class, () -> call.expectSpeaks("Goodbye"));

        assertTrue(
                failure.getMessage().contains("but next: caller: speaks \"Welcome. Press a key.\""),
                failure.getMessage());
        AssertionError wrongAction = assertThrows(AssertionError.class, call::finishRecording);
        assertTrue(wrongAction.getMessage().contains("the call waits at Gather"), wrongAction.getMessage());
    }
}
