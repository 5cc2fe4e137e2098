package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.TestProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.switchboard.adapters.bxml.BxmlReader;
import io.switchboard.adapters.http.json.VoiceEventEncoder;
import io.switchboard.adapters.http.json.WebhookObjectMapper;
import io.switchboard.adapters.http.simulator.HttpVoiceApi;
import io.switchboard.adapters.http.simulator.HttpWebhookTransport;
import io.switchboard.bootstrap.demo.DemoIvrFlow;
import io.switchboard.domain.verb.Hangup;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.SpeakSentence;
import io.switchboard.testkit.simulator.CallPlayer;
import io.switchboard.testkit.simulator.Callees;
import io.switchboard.testkit.simulator.CallerScript;
import io.switchboard.testkit.simulator.Faults;
import io.switchboard.testkit.simulator.ReplyChecks;
import io.switchboard.testkit.simulator.RoutedTransport;
import io.switchboard.testkit.voiceapi.Documents;
import io.switchboard.testkit.voiceapi.OutboundCalls;
import io.switchboard.testkit.voiceapi.SimulatedCall;
import io.switchboard.testkit.voiceapi.SimulatedVoiceApi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The outbound side end to end, offline: the service places calls through its call control (from the {@code call}
 * command and {@code POST /admin/calls}) against the simulated Voice API, which dials them and plays the callee (a
 * machine here) through the simulator: the answer, machine detection's result, and whatever the service asks of
 * the API. The demo's machine-detection branch redirects the call through the update-call API, the machine hears
 * the message and the call ends; the call's timeline shows the request with its outcome. Every webhook is
 * delivered twice, as Bandwidth redelivers: a redelivered event repeats no request.
 */
class OutboundCallEndToEndTest {
    static final String ADMIN_USER = "operator";
    static final String ADMIN_PASSWORD = "adm1n-Secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALLBACK_TIMEOUT = Duration.ofSeconds(10);

    private static HttpVoiceApi apiServer;
    private static SimulatedVoiceApi api;
    private static RunningService service;
    private static ScheduledExecutorService scheduler;

    @BeforeAll
    static void start() throws Exception {
        apiServer = RunningService.startVoiceApi(50);
        api = apiServer.api();
        service = RunningService.start(bandwidthAndAdminConfig(apiServer));
        scheduler = Executors.newSingleThreadScheduledExecutor();
        // The service tells Bandwidth its public URL; the simulator reaches it where it listens.
        RoutedTransport transport = new RoutedTransport(
                new HttpWebhookTransport(
                        HttpWebhookTransport.clientBuilder(CALLBACK_TIMEOUT).build(),
                        new VoiceEventEncoder(WebhookObjectMapper.create()),
                        new BxmlReader(),
                        Optional.empty(),
                        CALLBACK_TIMEOUT),
                URI.create(RunningService.PUBLIC_URL),
                service.uri("/"));
        CallerScript everyWebhookTwice =
                CallerScript.fromConfig(ConfigFactory.empty()).withFaults(new Faults(1, 0, 0, 0, Duration.ZERO));
        CallPlayer player = new CallPlayer(
                transport,
                new ReplyChecks(CALLBACK_TIMEOUT, Duration.ofSeconds(5)),
                everyWebhookTwice,
                transport::routes,
                scheduler);
        OutboundCalls.follow(api, new Callees(player, everyWebhookTwice, 1, 1.0, Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
        apiServer.close();
        scheduler.shutdownNow();
    }

    /** Call control through {@code api}, and the admin API on with {@link #ADMIN_USER}. */
    static String bandwidthAndAdminConfig(HttpVoiceApi api) {
        return RunningService.bandwidthConfig(api) + """
                switchboard.admin.user = "%s"
                switchboard.admin.password = "%s"
                """.formatted(ADMIN_USER, ADMIN_PASSWORD);
    }

    private static HttpResponse<String> placeThroughAdmin(String body) throws Exception {
        return service.send(RunningService.basicPost(service.uri("/admin/calls"), ADMIN_USER, ADMIN_PASSWORD, body));
    }

    private static JsonNode timeline(String callId) throws Exception {
        return JSON.readTree(service.get(service.uri("/admin/calls/" + callId), ADMIN_USER, ADMIN_PASSWORD)
                        .body())
                .get("timeline");
    }

    @Test
    void anAdminPlacedCallOnAMachineIsRedirectedToAMessageAndTheTimelineShowsTheRequest() throws Exception {
        HttpResponse<String> placed = placeThroughAdmin(
                "{\"to\": \"+15553334444\", \"from\": \"+15552223333\", \"machineDetection\": \"async\"}");
        assertEquals(201, placed.statusCode(), placed.body());
        String callId = JSON.readTree(placed.body()).get("callId").asText();
        Map<String, Object> created =
                api.call(callId).orElseThrow().createdWith().orElseThrow();
        Map<String, Object> detection = Documents.object(created, "machineDetection");
        assertEquals(RunningService.PUBLIC_URL + "/voice/answer", Documents.text(created, "answerUrl"));
        assertEquals(
                RunningService.PUBLIC_URL + "/voice/machineDetectionComplete",
                Documents.text(detection, "callbackUrl"));
        assertEquals("async", Documents.text(detection, "mode"));

        // The API dials it, the machine answers, detection reports, the service redirects it, it hangs up.
        TestProbe<Object> waiting = TestProbe.create(service.system());
        waiting.awaitAssert(Duration.ofSeconds(20), () -> {
            assertEquals(
                    SimulatedCall.State.DISCONNECTED,
                    api.call(callId).orElseThrow().state());
            assertEquals(
                    List.of(
                            "answer",
                            "answer",
                            "machineDetectionComplete",
                            "machineDetectionComplete",
                            "redirect",
                            "redirect",
                            "disconnect",
                            "disconnect"),
                    eventTypes(timeline(callId)));
            return null;
        });
        List<Map<String, Object>> updates = api.call(callId).orElseThrow().updates();
        assertEquals(1, updates.size(), "a redelivered event repeats no request: " + updates);
        assertEquals(RunningService.PUBLIC_URL + "/voice/redirect", Documents.text(updates.get(0), "redirectUrl"));

        JsonNode timeline = timeline(callId);
        JsonNode request = timeline.get(2).at("/requests/0");
        assertEquals("updateCall", request.get("operation").asText());
        assertEquals("SUCCEEDED", request.get("status").asText());
        assertEquals("REDELIVERY", timeline.get(3).get("origin").asText());
        assertEquals(0, timeline.get(3).get("requests").size());
        Response redirected = new BxmlReader().read(timeline.get(4).get("reply").asText());
        assertEquals(List.of(SpeakSentence.of(DemoIvrFlow.MACHINE_MESSAGE), new Hangup()), redirected.verbs());
    }

    @Test
    void aJournaledCallRecoveredByAnotherNodeRepeatsNoRequest(@TempDir Path dataDir) throws Exception {
        String callId = "c-recovered-" + System.nanoTime();
        api.knowCall(callId, SimulatedCall.State.ANSWERED);
        String journaled = RunningService.bandwidthConfig(apiServer)
                + """
                switchboard.durability.mode = journal
                switchboard.durability.data-dir = "%s"
                switchboard.admin.user = "%s"
                switchboard.admin.password = "%s"
                """.formatted(dataDir.toString().replace("\\", "/"), ADMIN_USER, ADMIN_PASSWORD);
        String machine = event(
                "machineDetectionComplete",
                callId,
                3,
                ", \"machineDetectionResult\": {\"value\": \"answering-machine\", \"duration\": \"PT4.5S\"}");
        try (RunningService first = RunningService.start(journaled)) {
            assertEquals(
                    200,
                    first.post("/voice/answer", event("answer", callId, 1, "")).statusCode());
            assertEquals(
                    200, first.post("/voice/machineDetectionComplete", machine).statusCode());
            TestProbe.create(first.system()).awaitAssert(() -> {
                assertEquals(1, api.call(callId).orElseThrow().updates().size());
                return null;
            });
        }

        // A new node recovers the call from the journal; Bandwidth redelivers the event the first never answered.
        try (RunningService second = RunningService.start(journaled)) {
            assertEquals(
                    200, second.post("/voice/machineDetectionComplete", machine).statusCode());
            HttpResponse<String> redirect = second.post("/voice/redirect", event("redirect", callId, 4, ""));
            assertEquals(
                    List.of(SpeakSentence.of(DemoIvrFlow.MACHINE_MESSAGE), new Hangup()),
                    new BxmlReader().read(redirect.body()).verbs(),
                    "the recovered call remembers what detection found");
            JsonNode timeline = JSON.readTree(
                            second.get(second.uri("/admin/calls/" + callId), ADMIN_USER, ADMIN_PASSWORD)
                                    .body())
                    .get("timeline");
            assertEquals("REDELIVERY", timeline.get(2).get("origin").asText(), timeline.toString());
            assertEquals("SUCCEEDED", timeline.get(1).at("/requests/0/status").asText(), timeline.toString());
        }
        assertEquals(1, api.call(callId).orElseThrow().updates().size(), "no request was sent again");
    }

    private static String event(String eventType, String callId, int second, String extra) {
        return """
                {"eventType": "%s", "callId": "%s", "accountId": "9900000",
                 "applicationId": "04e88489-df02-4e34-a0ee-27a91849555f",
                 "from": "+15552223333", "to": "+15553334444", "direction": "outbound",
                 "startTime": "2026-11-25T10:00:00.000Z", "eventTime": "2026-11-25T10:00:%02dZ"%s}
                """.formatted(eventType, callId, second, extra);
    }

    private static List<String> eventTypes(JsonNode timeline) {
        List<String> types = new ArrayList<>();
        timeline.forEach(entry -> types.add(entry.get("eventType").asText()));
        return types;
    }

    @Test
    void theCallCommandPlacesACallAndPrintsItsId() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CallCommand command = new CallCommand();
        new CommandLine(command).parseArgs("--to", "+15557778888", "--from", "+15552223333", "--tag", "cli");

        int status = command.place(
                RunningService.config(RunningService.bandwidthConfig(apiServer)),
                new PrintWriter(out),
                new PrintWriter(err));

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
                RunningService.config(RunningService.bandwidthConfig(apiServer)),
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));

        assertEquals(2, status);
        assertTrue(err.toString().startsWith("createCall: to must be an E.164 number"), err.toString());
        assertEquals(before, api.requests().size());
    }
}
