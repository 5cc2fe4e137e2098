package io.switchboard.domain.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.switchboard.domain.entity.EntityRules;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.SpeakSentence;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplicationFlowsTest {
    private static final String SALES = "a1b2c3d4-sales";
    private static final String SUPPORT = "a1b2c3d4-support";

    /** A flow that greets every caller with its own name. */
    private static CallFlow saying(String name) {
        return new CallFlow() {
            @Override
            public Reply onInitiate(CallInitiated event, CallState call) {
                return Response.of(SpeakSentence.of(name + " for " + call.applicationId()));
            }
        };
    }

    private static final ApplicationFlows FLOWS =
            new ApplicationFlows(Map.of(SALES, saying("sales"), SUPPORT, saying("support")), saying("default"));

    /** What the flow chosen for a call of {@code applicationId} answers its initiate with. */
    private static Reply initiateOf(String applicationId) {
        CallEvents call = CallEvents.newCall();
        CallInitiated initiate = new CallInitiated(
                call.details().account(CallEvents.ACCOUNT, applicationId).build());
        EntityRules<CallEvent, CallState> rules = CallEntity.rules(call.callId(), FLOWS);
        CallState state = rules.stateAfter(rules.initialState(), initiate);
        return rules.askFlow(initiate, state, null);
    }

    @Test
    void eachApplicationsCallsGoToItsOwnFlow() {
        assertEquals(Response.of(SpeakSentence.of("sales for " + SALES)), initiateOf(SALES));
        assertEquals(Response.of(SpeakSentence.of("support for " + SUPPORT)), initiateOf(SUPPORT));
    }

    @Test
    void callsOfAnUnknownApplicationOrOfNoneGoToTheDefaultFlow() {
        assertEquals(Response.of(SpeakSentence.of("default for other-app")), initiateOf("other-app"));
        assertEquals(Response.of(SpeakSentence.of("default for null")), initiateOf(null));
    }

    @Test
    void theCallKeepsItsApplicationWhenALaterEventNamesNone() {
        CallEvents call = CallEvents.newCall();
        CallState state = CallState.initial(call.callId()).apply(call.initiate());
        assertNull(CallState.initial(call.callId()).applicationId());
        assertEquals(CallEvents.APPLICATION, state.applicationId());
        CallState later = state.apply(new CallRedirected(
                call.details().account(CallEvents.ACCOUNT, null).build()));
        assertEquals(CallEvents.APPLICATION, later.applicationId());
    }
}
