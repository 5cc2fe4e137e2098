package io.switchboard.testkit.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.call.CallAnswered;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.control.CreateCall;
import io.switchboard.domain.control.UpdateCall;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code FlowTest} shows the call-control requests a flow made, in the order they were issued. */
class FlowTestRequestsTest {
    private static final String CALLER = "+15552223333";
    private static final String OUR_NUMBER = "+15553334444";
    private static final String AGENT = "+15557778888";

    /** Key 1 calls an agent back and hangs this call up; any other key only says goodbye. */
    private static final class CallbackFlow implements CallFlow {
        @Override
        public Reply onAnswer(CallAnswered event, CallState call) {
            return Response.of(Gather.builder()
                    .maxDigits(1)
                    .speakSentence("Press 1 for a call back.")
                    .build());
        }

        @Override
        public Reply onGather(GatherCompleted event, CallState call, FlowContext context) {
            if (event.digits().equals("1")) {
                context.placeCall(CreateCall.of(AGENT, OUR_NUMBER).withTag("callback-for-" + call.from()));
                context.call(call.callId()).hangUp();
                return Response.builder()
                        .speakSentence("We will call you back.")
                        .build();
            }
            return Response.builder().speakSentence("Goodbye.").hangup().build();
        }
    }

    private final FlowTest flows = FlowTest.of(new CallbackFlow());

    @Test
    void theRequestsAFlowMadeCanBeExpectedInOrder() {
        CallUnderTest call = flows.placeOutboundCall(OUR_NUMBER, CALLER);
        call.expectSpeaks("Press 1").expectGather();

        call.press("1");
        call.expectSpeaks("We will call you back.");

        CreateCall placed = flows.expectRequest(CreateCall.class);
        assertEquals(AGENT, placed.to());
        assertEquals("callback-for-" + OUR_NUMBER, placed.tag());
        assertEquals(UpdateCall.hangUp(CallId.of(call.callId())), flows.expectRequest(UpdateCall.class));
        assertEquals(2, flows.requests().size());
    }

    @Test
    void aMissingRequestFailsNamingWhatWasIssued() {
        CallUnderTest call = flows.placeOutboundCall(OUR_NUMBER, CALLER);
        call.expectSpeaks("Press 1").expectGather();
        call.press("2");
        call.expectSpeaks("Goodbye.");

        AssertionError missing = assertThrows(
                AssertionError.class, () -> new RecordingCallControl().next(UpdateCall.class, Duration.ofMillis(50)));
        assertTrue(missing.getMessage().startsWith("expected a UpdateCall request, but none was issued"));
        assertEquals(List.of(), flows.requests(), "goodbye asks nothing of call control");
    }
}
