package io.switchboard.testkit.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.StartRecording;
import io.switchboard.domain.verb.Tag;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A failed expectation says why the caller heard the fallback; expectations step over verbs nobody hears. */
class FlowTestExplainsTest {
    private static final String CALLER = "+15552223333";
    private static final String OUR_NUMBER = "+15553334444";

    @Test
    void anInvalidVerbBuiltInTheFlowIsNamedWithTheRuleItBrokeAndWhereItWasBuilt() {
        CallUnderTest call = placeCall(() -> Response.builder()
                .gather(gather -> gather.maxDigits(0).speakSentence("Your PIN?"))
                .build());

        AssertionError failure = assertThrows(AssertionError.class, call::expectGather);

        String message = failure.getMessage();
        assertTrue(
                message.contains("the caller heard the fallback to initiate: FLOW_FAILED: the flow failed: "
                        + "InvalidVerbException: Gather: maxDigits must be between 1 and 50, was 0"),
                message);
        assertTrue(message.contains("(at " + FlowTestExplainsTest.class.getName()), message);
    }

    @Test
    void bxmlThatBreaksARuleForItsEventNamesTheRule() {
        CallUnderTest call = placeCall(() -> Response.builder()
                .redirect(redirect -> redirect.redirectUrl("/voice/redirect"))
                .speakSentence("Never heard")
                .build());

        AssertionError failure = assertThrows(AssertionError.class, () -> call.expectSpeaks("Never heard"));

        assertTrue(
                failure.getMessage().contains("INVALID_BXML: the flow's BXML breaks [nothing-after-redirect"),
                failure.getMessage());
    }

    @Test
    void aReplyGivenLaterThatFailsIsNamedToo() {
        CallUnderTest call = placeCall(
                () -> Reply.later(CompletableFuture.failedFuture(new IllegalStateException("the CRM is down"))));

        AssertionError failure = assertThrows(AssertionError.class, call::expectGather);

        assertTrue(
                failure.getMessage().contains("FLOW_FAILED: the flow failed: IllegalStateException: the CRM is down"),
                failure.getMessage());
    }

    @Test
    void aFlowTooSlowForItsTimeoutIsNamedWithTheTimeout() {
        SwitchboardSettings quick =
                SwitchboardSettings.from(ConfigFactory.parseString("switchboard.entity.flow-timeout = 200ms")
                        .withFallback(ConfigFactory.load()));
        CallFlow slow = new CallFlow() {
            @Override
            public Reply onInitiate(CallInitiated event, CallState call) {
                return Reply.later(new CompletableFuture<>());
            }
        };
        CallUnderTest call = FlowTest.of(slow).withSettings(quick).placeInboundCall(CALLER, OUR_NUMBER);

        AssertionError failure = assertThrows(AssertionError.class, call::expectGather);

        assertTrue(
                failure.getMessage()
                        .contains("FLOW_TIMED_OUT: the flow did not answer within 200 ms "
                                + "(switchboard.entity.flow-timeout)"),
                failure.getMessage());
    }

    @Test
    void expectationsStepOverVerbsTheCallerDoesNotNoticeUnlessAskedFor() {
        Supplier<Reply> reply = () -> Response.builder()
                .tag("menu")
                .startRecording(recording -> {})
                .speakSentence("Hello")
                .tag("said-hello")
                .hangup()
                .build();

        placeCall(reply).expectSpeaks("Hello").expectHangup().assertNoViolations();

        CallUnderTest askingForTags = placeCall(reply);
        assertEquals("menu", askingForTags.expect(Tag.class).value());
        askingForTags.expectSpeaks("Hello").expect(Tag.class);
        askingForTags.expectHangup();

        CallUnderTest strict = placeCall(reply).strict();
        AssertionError failure = assertThrows(AssertionError.class, () -> strict.expectSpeaks("Hello"));
        assertTrue(failure.getMessage().contains("but next: caller: Tag"), failure.getMessage());
        strict.expect(StartRecording.class);
        strict.expectSpeaks("Hello");
    }

    private static CallUnderTest placeCall(Supplier<Reply> initiateReply) {
        CallFlow flow = new CallFlow() {
            @Override
            public Reply onInitiate(CallInitiated event, CallState call) {
                return initiateReply.get();
            }
        };
        return FlowTest.of(flow).placeInboundCall(CALLER, OUR_NUMBER);
    }
}
