package io.switchboard.bootstrap.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Pause;
import io.switchboard.domain.verb.Record;
import io.switchboard.testkit.flow.CallUnderTest;
import io.switchboard.testkit.flow.FlowTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every branch of the demo menu, offline: the flow runs in its real entity, the test is the caller. */
class DemoIvrFlowTest {
    private static final String CALLER = "+15552223333";
    private static final String DEMO_NUMBER = "+15553334444";
    private static final DemoSettings SETTINGS = new DemoSettings("+15555550100", "switchboard-demo", 3);

    private final FlowTest demo = FlowTest.of(new DemoIvrFlow(SETTINGS), new DemoConferenceFlow());

    private CallUnderTest callAndChoose(String key) {
        CallUnderTest call = demo.placeInboundCall(CALLER, DEMO_NUMBER);
        call.expectSpeaks("Welcome to Switchboard.").expectGather();
        return call.press(key);
    }

    @Test
    void anInboundCallHearsTheMenuAndItsDigitsComeHome() {
        CallUnderTest call = demo.placeInboundCall(CALLER, DEMO_NUMBER);

        Gather menu = call.expectSpeaks("Press 1 to talk to us, 2 to leave a message, or 3 to join the conference.")
                .expectGather();

        assertEquals(1, menu.maxDigits());
        // Left for the service to point at its own gather channel when it renders the reply.
        assertEquals(null, menu.gather());
        call.assertNoViolations();
    }

    @Test
    void anOutboundCallHoldsForMachineDetectionThenIsGreetedDifferently() {
        CallUnderTest call = demo.placeOutboundCall(DEMO_NUMBER, CALLER);

        assertEquals(10.0, call.expect(Pause.class).duration());
        call.expectSpeaks("Hello from Switchboard.").expectGather();
    }

    @Test
    void oneTransfersAndTheCallerHearsGoodbyeWhenTheAgentHangsUp() {
        CallUnderTest call = callAndChoose("1");
        call.expectSpeaks("Connecting you now.");
        call.expectTransfer("+15555550100");
        call.transferTarget().expectSpeaks("You have a call from the Switchboard demo.");

        call.farEndHangsUp();

        call.expectSpeaks("The call has ended. Goodbye.").expectHangup();
        assertEquals(
                List.of("initiate", "gather", "transferAnswer", "transferDisconnect", "transferComplete", "disconnect"),
                call.events());
        call.assertNoViolations();
    }

    @Test
    void aCallerWhoHangsUpDuringTheTransferEndsBothLegs() {
        CallUnderTest call = callAndChoose("1");
        call.expectSpeaks("Connecting you now.").expectTransfer("+15555550100");

        call.hangUp();

        assertTrue(call.expectEnded().byCaller());
        assertEquals(
                List.of("initiate", "gather", "transferAnswer", "transferDisconnect", "disconnect"), call.events());
    }

    @Test
    void twoRecordsAMessageWithTranscriptionAndThanksTheCaller() {
        CallUnderTest call = callAndChoose("2");
        call.expectSpeaks("Please leave a message after the tone");
        Record record = call.expectRecord();
        assertEquals(Boolean.TRUE, record.transcribe());
        assertEquals("#", record.terminatingDigits());

        call.finishRecording();

        call.expectSpeaks("Thank you, your message was recorded. Goodbye.").expectHangup();
        assertEquals(
                List.of(
                        "initiate",
                        "gather",
                        "recordComplete",
                        "disconnect",
                        "recordingAvailable",
                        "transcriptionAvailable"),
                call.events());
        call.assertNoViolations();
    }

    @Test
    void aMessageLeftByHangingUpStillGetsItsTranscription() {
        CallUnderTest call = callAndChoose("2");
        call.expectSpeaks("Please leave a message").expectRecord();

        call.hangUp();

        assertEquals(
                List.of("initiate", "gather", "disconnect", "recordingAvailable", "transcriptionAvailable"),
                call.events());
        call.assertNoViolations();
    }

    @Test
    void threeJoinsTheConference() {
        CallUnderTest call = callAndChoose("3");
        call.expectSpeaks("Joining the conference.");
        call.expectConference("switchboard-demo");
        call.conference().expectSpeaks("You are the first one here.");
        call.hangUp();
        assertEquals(
                List.of(
                        "initiate",
                        "gather",
                        "conferenceCreated",
                        "conferenceMemberJoin",
                        "conferenceMemberExit",
                        "conferenceCompleted",
                        "disconnect"),
                call.events());
        call.assertNoViolations();
    }

    @Test
    void noInputRepeatsTheMenuTwiceThenSaysGoodbye() {
        CallUnderTest call = demo.placeInboundCall(CALLER, DEMO_NUMBER);
        call.expectSpeaks("Welcome").expectGather();

        call.noInput().expectSpeaks("We did not hear a choice.").expectGather();
        call.noInput().expectSpeaks("We did not hear a choice.").expectGather();
        call.noInput().expectSpeaks("Goodbye.").expectHangup();

        assertEquals(List.of("initiate", "gather", "gather", "gather", "disconnect"), call.events());
        call.assertNoViolations();
    }

    @Test
    void aWrongKeyIsNotAnOptionAndAValidOneStillWorksAfterIt() {
        CallUnderTest call = callAndChoose("9");
        call.expectSpeaks("That is not an option.").expectGather();

        call.press("2");

        call.expectSpeaks("Please leave a message").expectRecord();
    }

    @Test
    void aCallerWhoHangsUpAtTheMenuEndsTheCall() {
        CallUnderTest call = demo.placeInboundCall(CALLER, DEMO_NUMBER);
        call.expectSpeaks("Welcome").expectGather();

        call.hangUp();

        assertTrue(call.expectEnded().byCaller());
        assertEquals(List.of("initiate", "disconnect"), call.events());
    }

    @Test
    void noCallerOfTheDemoRunsIntoADeadEndALoopOrAFailure() {
        demo.explorer().explore().assertClean();
        demo.explorer().outbound().explore().assertClean();
    }
}
