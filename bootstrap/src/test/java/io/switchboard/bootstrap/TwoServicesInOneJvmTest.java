package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.adapters.bxml.BxmlReader;
import io.switchboard.adapters.http.simulator.HttpVoiceApi;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Response;
import io.switchboard.testkit.voiceapi.Documents;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two services started in one JVM from the same loaded configuration, neither given a public URL: each fills the
 * callbacks its flows and its call-control requests leave out with its own address (the port it bound), never
 * the other's.
 */
class TwoServicesInOneJvmTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpVoiceApi api;
    private static RunningService first;
    private static RunningService second;

    @BeforeAll
    static void start() throws Exception {
        api = RunningService.startVoiceApi(50);
        String shared = OutboundCallEndToEndTest.bandwidthAndAdminConfig(api);
        first = RunningService.started(SwitchboardService.startDemo(RunningService.configOwnAddress(shared)));
        second = RunningService.started(SwitchboardService.startDemo(RunningService.configOwnAddress(shared)));
    }

    @AfterAll
    static void stop() throws Exception {
        first.close();
        second.close();
        api.close();
    }

    private static String ownVoiceUrl(RunningService service) {
        return "http://127.0.0.1:" + service.uri("/").getPort() + "/voice";
    }

    @Test
    void eachServicesBxmlCallbacksComeBackToItself() throws Exception {
        assertNotEquals(first.uri("/").getPort(), second.uri("/").getPort());
        for (RunningService service : new RunningService[] {first, second}) {
            HttpResponse<String> reply = service.post(
                    "/voice/initiate", """
                    {"eventType": "initiate", "callId": "c-two-services-%d", "accountId": "9900000",
                     "applicationId": "04e88489-df02-4e34-a0ee-27a91849555f",
                     "from": "+15552223333", "to": "+15553334444", "direction": "inbound",
                     "startTime": "2026-11-25T10:00:00.000Z", "eventTime": "2026-11-25T10:00:01Z"}
                    """.formatted(service.uri("/").getPort()));
            assertEquals(200, reply.statusCode(), reply.body());
            Response menu = new BxmlReader().read(reply.body());
            Gather gather = assertInstanceOf(Gather.class, menu.verbs().get(0));
            assertEquals(ownVoiceUrl(service) + "/gather", gather.gather().url());
        }
    }

    @Test
    void eachServicesPlacedCallsAnswerToItself() throws Exception {
        for (RunningService service : new RunningService[] {first, second}) {
            HttpResponse<String> placed = service.send(RunningService.basicPost(
                    service.uri("/admin/calls"),
                    OutboundCallEndToEndTest.ADMIN_USER,
                    OutboundCallEndToEndTest.ADMIN_PASSWORD,
                    "{\"to\": \"+15553334444\", \"from\": \"+15552223333\"}"));
            assertEquals(201, placed.statusCode(), placed.body());
            String callId = JSON.readTree(placed.body()).get("callId").asText();
            Map<String, Object> created =
                    api.api().call(callId).orElseThrow().createdWith().orElseThrow();
            assertEquals(ownVoiceUrl(service) + "/answer", Documents.text(created, "answerUrl"));
            assertEquals(ownVoiceUrl(service) + "/disconnect", Documents.text(created, "disconnectUrl"));
        }
    }
}
