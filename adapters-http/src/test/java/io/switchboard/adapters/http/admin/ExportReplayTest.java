package io.switchboard.adapters.http.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.adapters.bxml.BxmlReader;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.http.json.WebhookObjectMapper;
import io.switchboard.adapters.http.simulator.ReplayFiles;
import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EntityInspection;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.TimelineEntry;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Response;
import io.switchboard.testkit.simulator.Delivery;
import io.switchboard.testkit.simulator.RecordedCall;
import io.switchboard.testkit.simulator.Replay;
import io.switchboard.testkit.simulator.WebhookTransport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A call exported as a replay file, read back and played against a service whose second reply has changed. */
class ExportReplayTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final CallId CALL = CallId.of("c-recorded");
    private static final Response MENU = Response.builder()
            .add(Gather.builder()
                    .gatherUrl("https://switchboard.example.test/voice/gather")
                    .maxDigits(1)
                    .speakSentence("Press 1.")
                    .build())
            .build();
    private static final Response THANKS =
            Response.builder().speakSentence("Thank you.").hangup().build();

    private final CallExport export = new CallExport(WebhookObjectMapper.create(), new BxmlWriter());
    private final ReplayFiles files = new ReplayFiles(WebhookObjectMapper.create(), new BxmlReader());

    private static EntityInspection recorded() {
        CallDetails details = CallDetails.builder(CALL)
                .eventTime(T0)
                .parties("+15552223333", "+15553334444", Direction.INBOUND)
                .build();
        CallInitiated initiated = new CallInitiated(details);
        GatherCompleted pressed = new GatherCompleted(details, "1", "#");
        return new EntityInspection(
                CallState.initial(CALL).apply(initiated).apply(pressed),
                List.of(
                        new TimelineEntry(initiated, T0, new EventReply(MENU, ReplyOrigin.FLOW)),
                        new TimelineEntry(pressed, T0.plusSeconds(3), new EventReply(THANKS, ReplyOrigin.FLOW))));
    }

    /** Answers each event with the next of {@code replies}, and keeps what it was sent. */
    private static final class ScriptedService implements WebhookTransport {
        final List<VoiceEvent> received = new ArrayList<>();
        private final List<Response> replies;

        ScriptedService(List<Response> replies) {
            this.replies = replies;
        }

        @Override
        public CompletableFuture<Delivery> deliver(URI url, VoiceEvent event) {
            received.add(event);
            return CompletableFuture.completedFuture(
                    Delivery.answered(200, "application/xml", replies.get(received.size() - 1), Duration.ofMillis(3)));
        }
    }

    @Test
    void aReplayedCallReportsTheReplyThatChanged() throws Exception {
        byte[] file = export.replay(CALL.value(), recorded(), true);
        RecordedCall call = files.read(file, "c-replayed");
        Response changed = Response.builder().speakSentence("Goodbye.").hangup().build();
        ScriptedService service = new ScriptedService(List.of(MENU, changed));

        Replay.Report report = new Replay(service).play(URI.create("http://127.0.0.1:1/voice"), call);

        assertEquals(
                List.of("initiate", "gather"),
                service.received.stream().map(VoiceEvent::eventType).toList());
        assertEquals("c-replayed", service.received.get(0).entityId(), "a fresh call, not a redelivery");
        assertFalse(report.passed());
        assertEquals(1, report.differences().size());
        Replay.Step step = report.differences().get(0);
        assertEquals(2, step.index());
        assertEquals("gather", step.eventType());
        assertEquals(THANKS, step.recorded());
        assertEquals(changed, step.now());
    }

    @Test
    void theSameRepliesPass() throws Exception {
        RecordedCall call = files.read(export.replay(CALL.value(), recorded(), false), "c-again");

        Replay.Report report = new Replay(new ScriptedService(List.of(MENU, THANKS)))
                .play(URI.create("http://127.0.0.1:1/voice"), call);

        assertTrue(report.passed(), report.toString());
        assertEquals(2, report.steps().size());
    }

    @Test
    void aFileThatIsNoReplayIsRefusedSayingWhy() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> files.read("{\"calls\": []}".getBytes(StandardCharsets.UTF_8), "c-x"));
        assertTrue(refused.getMessage().contains("switchboard-replay/1"), refused.getMessage());
    }
}
