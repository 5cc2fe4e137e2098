package io.switchboard.testkit.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.call.RecordingAvailable;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A flow with memory, tested offline: its data read and asserted, its side work not holding the call. */
class FlowDataFlowTestTest {
    private static final String CALLER = "+15552223333";
    private static final String OUR_NUMBER = "+15553334444";

    /** What the PIN flow remembers about a call. */
    record PinCheck(int attempts, boolean verified) {}

    /**
     * Asks for a PIN, three attempts; "2468" is right. "0" leaves a message whose recording is downloaded as side
     * work, which the test holds.
     */
    private static final class PinFlow implements CallFlow {
        private final CompletableFuture<byte[]> download = new CompletableFuture<>();

        @Override
        public Reply onInitiate(CallInitiated event, CallState call) {
            return ask("Enter your PIN.");
        }

        @Override
        public Reply onGather(GatherCompleted event, CallState call, FlowContext context) {
            if (event.digits().equals("0")) {
                return Response.builder()
                        .record(record ->
                                record.recordingAvailableUrl("available").transcribeTo("transcribed"))
                        .build();
            }
            PinCheck check = context.data(PinCheck.class, () -> new PinCheck(0, false));
            boolean right = event.digits().equals("2468");
            context.setData(new PinCheck(check.attempts() + 1, right));
            if (right) {
                return Response.builder()
                        .speakSentence("Welcome back.")
                        .hangup()
                        .build();
            }
            return check.attempts() + 1 < 3
                    ? ask("Wrong PIN, try again.")
                    : Response.builder().speakSentence("Goodbye.").hangup().build();
        }

        @Override
        public void onRecordingAvailable(RecordingAvailable event, CallState call, FlowContext context) {
            context.sideWork("download " + event.recording().recordingId(), () -> download);
        }

        private static Response ask(String prompt) {
            return Response.builder()
                    .gather(gather -> gather.maxDigits(4).speakSentence(prompt))
                    .build();
        }
    }

    private final PinFlow flow = new PinFlow();
    private final FlowTest flows = FlowTest.of(flow);

    @Test
    void theFlowCountsAttemptsInItsDataAndTheTestReadsThem() {
        CallUnderTest call = flows.placeInboundCall(CALLER, OUR_NUMBER);
        call.expectSpeaks("Enter your PIN").expectGather();

        call.press("1111");
        call.expectSpeaks("Wrong PIN").expectGather();
        assertEquals(new PinCheck(1, false), call.flowData(PinCheck.class));

        call.press("2468");
        call.expectSpeaks("Welcome back").expectHangup();
        assertEquals(new PinCheck(2, true), call.flowData(PinCheck.class));
        call.assertNoViolations();
    }

    @Test
    void readingDataTheFlowNeverSetFailsTheTest() {
        CallUnderTest call = flows.placeInboundCall(CALLER, OUR_NUMBER);

        AssertionError none = assertThrows(AssertionError.class, () -> call.flowData(PinCheck.class));

        assertTrue(none.getMessage().contains("the flow set none"), none.getMessage());
    }

    @Test
    void aDownloadThatHasNotFinishedHoldsNoLaterEventOfTheCall() {
        // The transcription comes after the recording; the download started on the recording is still running.
        CallUnderTest call = flows.placeInboundCall(CALLER, OUR_NUMBER);
        call.press("0");
        call.expectSpeaks("Enter your PIN").expectGather();
        call.expectRecord();

        call.hangUp();

        call.expectEnded();
        assertEquals(
                List.of("initiate", "gather", "disconnect", "recordingAvailable", "transcriptionAvailable"),
                call.events());
        assertFalse(flow.download.isDone(), "the download is still held by the test");
        call.assertNoViolations();
        flow.download.complete(new byte[0]);
    }
}
