package io.switchboard.testkit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.call.CallEnding;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceCreated;
import io.switchboard.domain.conference.ConferenceDetails;
import io.switchboard.domain.verb.Hangup;
import io.switchboard.domain.verb.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyChecksTest {
    private static final ReplyChecks checks = new ReplyChecks(Duration.ofSeconds(15), Duration.ofSeconds(5));
    private static final URI URL = URI.create("http://127.0.0.1:8080/voice");
    private static final CallDetails CALL =
            CallDetails.builder(CallId.of("c-1")).build();
    private static final VoiceEvent INITIATE = new CallInitiated(CALL);
    private static final VoiceEvent DISCONNECT = new CallDisconnected(CALL, CallEnding.of(DisconnectCause.HANGUP));
    private static final VoiceEvent CREATED =
            new ConferenceCreated(new ConferenceDetails(ConferenceId.of("f-1"), "room", null, null));
    private static final String XML = "application/xml; charset=UTF-8";
    private static final Duration FAST = Duration.ofMillis(3);

    private static List<String> failed(VoiceEvent event, Delivery delivery) {
        return checks.check("c-1", URL, event, delivery).stream()
                .map(Violation::check)
                .toList();
    }

    @Test
    void aGoodReplyPassesAndAsyncEventsMayAnswerEmpty() {
        assertEquals(List.of(), failed(INITIATE, Delivery.answered(200, XML, Response.of(Hangup.of()), FAST)));
        assertEquals(List.of(), failed(DISCONNECT, Delivery.answered(204, null, null, FAST)));
        assertEquals(List.of(), failed(CREATED, Delivery.answered(204, null, null, FAST)));
    }

    @Test
    void eachWayAReplyCanBeWrongIsNamed() {
        assertEquals(List.of(ReplyChecks.STATUS), failed(INITIATE, Delivery.answered(204, null, null, FAST)));
        assertEquals(List.of(ReplyChecks.STATUS), failed(DISCONNECT, Delivery.answered(500, null, null, FAST)));
        assertEquals(List.of(ReplyChecks.EMPTY_REPLY), failed(INITIATE, Delivery.answered(200, null, null, FAST)));
        assertEquals(
                List.of(ReplyChecks.CONTENT_TYPE),
                failed(INITIATE, Delivery.answered(200, "text/html", Response.empty(), FAST)));
        assertEquals(
                List.of(ReplyChecks.UNREADABLE_BXML),
                failed(INITIATE, Delivery.unreadable(200, XML, "not well-formed XML", FAST)));
        assertEquals(
                List.of(ReplyChecks.BXML_RULES),
                failed(
                        CREATED,
                        Delivery.answered(
                                200,
                                XML,
                                Response.builder()
                                        .gather(gather -> gather.speakSentence("Hi"))
                                        .build(),
                                FAST)));
        assertEquals(
                List.of(ReplyChecks.DEADLINE),
                failed(INITIATE, Delivery.answered(200, XML, Response.empty(), Duration.ofSeconds(6))));
        assertEquals(
                List.of(ReplyChecks.BANDWIDTH_TIMEOUT),
                failed(INITIATE, Delivery.answered(200, XML, Response.empty(), Duration.ofSeconds(16))));
        assertEquals(
                List.of(ReplyChecks.UNDELIVERABLE),
                failed(INITIATE, Delivery.failed("Connection refused", true, FAST)));
    }

    @Test
    void aViolationNamesTheCallTheEventAndWhatWasWrong() {
        Violation violation = checks.check("c-42", URL, INITIATE, Delivery.answered(404, null, null, FAST))
                .get(0);

        assertEquals("c-42", violation.callId());
        assertEquals("initiate", violation.eventType());
        assertTrue(
                violation.toString().contains("call c-42, initiate to http://127.0.0.1:8080/voice: status: HTTP 404"),
                violation.toString());
    }
}
