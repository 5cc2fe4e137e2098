package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.TestProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.adapters.bxml.BxmlReader;
import io.switchboard.adapters.http.simulator.HttpVoiceApi;
import io.switchboard.bootstrap.demo.DemoIvrFlow;
import io.switchboard.domain.verb.Hangup;
import io.switchboard.domain.verb.Pause;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.SpeakSentence;
import io.switchboard.testkit.voiceapi.Documents;
import io.switchboard.testkit.voiceapi.SimulatedCall;
import io.switchboard.testkit.voiceapi.SimulatedVoiceApi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The outbound side end to end, offline: the service places calls through its call control against the simulated
 * Voice API (from the {@code call} command and {@code POST /admin/calls}), the test plays the platform's webhooks
 * for the placed call, the demo's machine-detection branch redirects it through the update-call API, and the
 * call's timeline shows the request with its outcome; a redelivered event repeats no request.
 */
class OutboundCallEndToEndTest {
    private static final String ADMIN_USER = "operator";
    private static final String ADMIN_PASSWORD = "adm1n-Secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpVoiceApi apiServer;
    private static SimulatedVoiceApi api;
    private static RunningService service;

    @BeforeAll
    static void start() throws Exception {
        apiServer = HttpVoiceApi.start("9900000", "api-user", "api-pass", 50);
        api = apiServer.api();
        service = RunningService.start(bandwidthConfig() + """
                switchboard.admin.user = "%s"
                switchboard.admin.password = "%s"
                """.formatted(ADMIN_USER, ADMIN_PASSWORD));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
        apiServer.close();
    }

    private static String bandwidthConfig() {
        return """
                switchboard.bandwidth {
                  api-url = "%s"
                  account-id = "9900000"
                  username = "api-user"
                  password = "api-pass"
                  application-id = "04e88489-df02-4e34-a0ee-27a91849555f"
                  creates-per-second = 20
                }
                """.formatted(api.baseUrl());
    }

    private static String event(String eventType, String callId, int second, String extra) {
        return """
                {"eventType": "%s", "callId": "%s", "accountId": "9900000",
                 "applicationId": "04e88489-df02-4e34-a0ee-27a91849555f",
                 "from": "+15552223333", "to": "+15553334444", "direction": "outbound",
                 "startTime": "2026-11-25T10:00:00.000Z", "eventTime": "2026-11-25T10:00:%02dZ"%s}
                """.formatted(eventType, callId, second, extra);
    }

    private static Response bxml(HttpResponse<String> reply) {
        assertEquals(200, reply.statusCode(), reply.body());
        return new BxmlReader().read(reply.body());
    }

    private static HttpResponse<String> placeThroughAdmin(String body) throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString((ADMIN_USER + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return service.send(HttpRequest.newBuilder(service.uri("/admin/calls"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void anAdminPlacedCallOnAMachineIsRedirectedToAMessageAndTheTimelineShowsTheRequest() throws Exception {
        HttpResponse<String> placed = placeThroughAdmin(
                "{\"to\": \"+15553334444\", \"from\": \"+15552223333\", \"machineDetection\": \"async\"}");
        assertEquals(201, placed.statusCode(), placed.body());
        String callId = JSON.readTree(placed.body()).get("callId").asText();
        Map<String, Object> created =
                api.call(callId).orElseThrow().createdWith().orElseThrow();
        assertEquals(RunningService.PUBLIC_URL + "/voice/answer", Documents.text(created, "answerUrl"));
        assertEquals(
                RunningService.PUBLIC_URL + "/voice/machineDetectionComplete",
                Documents.text(Documents.object(created, "machineDetection"), "callbackUrl"));
        assertEquals("async", Documents.text(Documents.object(created, "machineDetection"), "mode"));

        // The platform dials it, the callee answers: the demo holds while detection listens.
        TestProbe<Object> waiting = TestProbe.create(service.system());
        waiting.awaitAssert(() -> {
            assertEquals(
                    SimulatedCall.State.INITIATED,
                    api.call(callId).orElseThrow().state());
            return null;
        });
        api.call(callId).orElseThrow().moveTo(SimulatedCall.State.ANSWERED);
        Response answered = bxml(service.post("/voice/answer", event("answer", callId, 1, "")));
        assertTrue(answered.verbs().get(0) instanceof Pause, "holds for detection: " + answered);

        String machine = event(
                "machineDetectionComplete",
                callId,
                3,
                ", \"machineDetectionResult\": {\"value\": \"answering-machine\", \"duration\": \"PT4.5S\"}");
        assertEquals(
                200, service.post("/voice/machineDetectionComplete", machine).statusCode());

        waiting.awaitAssert(() -> {
            List<Map<String, Object>> updates = api.call(callId).orElseThrow().updates();
            assertEquals(1, updates.size());
            assertEquals(RunningService.PUBLIC_URL + "/voice/redirect", Documents.text(updates.get(0), "redirectUrl"));
            return null;
        });
        Response redirected = bxml(service.post("/voice/redirect", event("redirect", callId, 4, "")));
        assertEquals(List.of(SpeakSentence.of(DemoIvrFlow.MACHINE_MESSAGE), new Hangup()), redirected.verbs());

        waiting.awaitAssert(() -> {
            JsonNode timeline = JSON.readTree(
                            service.get(service.uri("/admin/calls/" + callId), ADMIN_USER, ADMIN_PASSWORD)
                                    .body())
                    .get("timeline");
            JsonNode request = timeline.get(1).at("/requests/0");
            assertEquals(
                    "machineDetectionComplete", timeline.get(1).get("eventType").asText());
            assertEquals("updateCall", request.get("operation").asText());
            assertEquals("SUCCEEDED", request.get("status").asText());
            return null;
        });

        // Bandwidth redelivers the detection webhook: the same (empty) reply, and no second redirect.
        assertEquals(
                200, service.post("/voice/machineDetectionComplete", machine).statusCode());
        HttpResponse<String> afterRedelivery =
                service.get(service.uri("/admin/calls/" + callId), ADMIN_USER, ADMIN_PASSWORD);
        assertTrue(afterRedelivery.body().contains("REDELIVERY"), afterRedelivery.body());
        assertEquals(1, api.call(callId).orElseThrow().updates().size());
    }

    @Test
    void theCallCommandPlacesACallAndPrintsItsId() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CallCommand command = new CallCommand();
        new CommandLine(command).parseArgs("--to", "+15557778888", "--from", "+15552223333", "--tag", "cli");

        int status =
                command.place(RunningService.config(bandwidthConfig()), new PrintWriter(out), new PrintWriter(err));

        String callId = out.toString().trim();
        assertEquals(0, status, err.toString());
        Map<String, Object> created =
                api.call(callId).orElseThrow().createdWith().orElseThrow();
        assertEquals("+15557778888", Documents.text(created, "to"));
        assertEquals("cli", Documents.text(created, "tag"));
    }

    @Test
    void theCallCommandRefusesABadNumberBeforeSendingAnything() {
        StringWriter err = new StringWriter();
        CallCommand command = new CallCommand();
        new CommandLine(command).parseArgs("--to", "555", "--from", "+15552223333");
        int before = api.requests().size();

        int status = command.place(
                RunningService.config(bandwidthConfig()), new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertEquals(2, status);
        assertTrue(err.toString().startsWith("createCall: to must be an E.164 number"), err.toString());
        assertEquals(before, api.requests().size());
    }
}
