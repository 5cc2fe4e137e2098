package io.switchboard.testkit.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.domain.call.CallAnswered;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.verb.Hangup;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.SpeakSentence;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowTestCallSetupTest {

    /** Says what it knows of the call, then hangs up. */
    private static final CallFlow TELLS_THE_CALL = new CallFlow() {
        @Override
        public Reply onInitiate(CallInitiated event, CallState call) {
            return told(call);
        }

        @Override
        public Reply onAnswer(CallAnswered event, CallState call) {
            return told(call);
        }

        private Reply told(CallState call) {
            return Response.of(
                    SpeakSentence.of(String.join(
                            " ", call.applicationId(), call.direction().name(), call.from(), call.to())),
                    Hangup.of());
        }
    };

    private final FlowTest flowTest = FlowTest.of(TELLS_THE_CALL);

    @Test
    void theFlowSeesTheApplicationDirectionAndNumbersTheTestSet() {
        CallUnderTest call = flowTest.call()
                .application("app-sales")
                .from("+15550001111")
                .to("+15550002222")
                .outbound()
                .place();

        call.expectSpeaks("app-sales OUTBOUND +15550001111 +15550002222").expectHangup();
        assertEquals(List.of("answer", "disconnect"), call.events());
        call.assertNoViolations();
    }

    @Test
    void aCallSetNothingIsAnInboundCallOfTheDefaultApplication() {
        CallUnderTest call = flowTest.call().place();

        call.expectSpeaks(String.join(" ", FlowTest.APPLICATION, "INBOUND", FlowTest.CALLER, FlowTest.CALLED));
        assertEquals("initiate", call.events().get(0));
    }

    @Test
    void placeInboundCallKeepsItsNumbers() {
        flowTest.placeInboundCall("+15550003333", "+15550004444")
                .expectSpeaks(FlowTest.APPLICATION + " INBOUND +15550003333 +15550004444");
    }
}
