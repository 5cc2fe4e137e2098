package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.adapters.bxml.BxmlReader;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Hangup;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.SpeakSentence;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A single node with the shipped durability (journal, H2 in a file under the data directory) restarted in the
 * middle of a call: after a full stop and a start on the same directory, the call carries on with its history.
 */
class DurableRestartTest {
    private static final String ADMIN_USER = "operator";
    private static final String ADMIN_PASSWORD = "restart-admin-secret";
    private static final BxmlReader bxml = new BxmlReader();
    private static final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dataDir;

    private RunningService start() throws Exception {
        return RunningService.start("""
                switchboard.durability.mode = journal
                switchboard.durability.data-dir = "%s"
                switchboard.admin.user = "%s"
                switchboard.admin.password = "%s"
                """.formatted(dataDir.toString().replace("\\", "/"), ADMIN_USER, ADMIN_PASSWORD));
    }

    private static String event(String eventType, String callId, int second, String extra) {
        return """
                {"eventType": "%s", "callId": "%s", "from": "+15552223333", "to": "+15553334444",
                 "direction": "inbound", "eventTime": "2026-11-25T10:00:%02dZ"%s}
                """.formatted(eventType, callId, second, extra);
    }

    private static String gather(String callId, int second, String digits) {
        return event("gather", callId, second, ", \"digits\": \"" + digits + "\"");
    }

    private static Response bxmlOf(HttpResponse<String> reply) {
        assertEquals(200, reply.statusCode(), reply.body());
        return bxml.read(reply.body());
    }

    private static String spoken(Response response) {
        Object first = response.verbs().get(0);
        return first instanceof Gather gather
                ? ((SpeakSentence) gather.prompts().get(0)).text()
                : ((SpeakSentence) first).text();
    }

    @Test
    void aCallInterruptedByARestartCarriesOnWithItsHistory() throws Exception {
        String callId = "c-restart-1";
        String secondTry = gather(callId, 3, "9");
        try (RunningService before = start()) {
            assertInstanceOf(
                    Gather.class,
                    bxmlOf(before.post("/voice/initiate", event("initiate", callId, 1, "")))
                            .verbs()
                            .get(0));
            assertTrue(spoken(bxmlOf(before.post("/voice/gather", gather(callId, 2, ""))))
                    .startsWith("We did not"));
            assertTrue(spoken(bxmlOf(before.post("/voice/gather", secondTry))).startsWith("That is not an option"));
        }
        assertTrue(Files.exists(dataDir.resolve("switchboard.mv.db")), "the journal is a file in the data dir");

        try (RunningService after = start()) {
            // Bandwidth retries the webhook whose reply the restart may have cut off: the same reply, from the
            // journal, and the flow does not count it as a third attempt.
            assertTrue(spoken(bxmlOf(after.post("/voice/gather", secondTry))).startsWith("That is not an option"));
            // The third attempt without a choice: the demo gives up, which it does only knowing the first two.
            Response third = bxmlOf(after.post("/voice/gather", gather(callId, 4, "")));
            assertEquals("Goodbye.", spoken(third));
            assertInstanceOf(Hangup.class, third.verbs().get(1));

            HttpResponse<String> view = after.get(after.uri("/admin/calls/" + callId), ADMIN_USER, ADMIN_PASSWORD);
            assertEquals(200, view.statusCode(), view.body());
            JsonNode call = json.readTree(view.body());
            assertEquals(
                    List.of("", "9", ""),
                    StreamSupport.stream(
                                    call.path("state").path("gatheredDigits").spliterator(), false)
                            .map(JsonNode::asText)
                            .toList(),
                    view.body());
            assertEquals(
                    List.of("FLOW", "FLOW", "FLOW", "REDELIVERY", "FLOW"),
                    StreamSupport.stream(call.path("timeline").spliterator(), false)
                            .map(entry -> entry.path("origin").asText())
                            .toList(),
                    view.body());
        }
    }
}
