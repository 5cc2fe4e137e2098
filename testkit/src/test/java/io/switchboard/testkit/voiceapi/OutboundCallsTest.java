package io.switchboard.testkit.voiceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.switchboard.domain.call.MachineDetectionCompleted;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.verb.Response;
import io.switchboard.testkit.simulator.CallPlayer;
import io.switchboard.testkit.simulator.Callees;
import io.switchboard.testkit.simulator.CallerScript;
import io.switchboard.testkit.simulator.Delivery;
import io.switchboard.testkit.simulator.ReplyChecks;
import io.switchboard.testkit.simulator.SimulationSummary;
import io.switchboard.testkit.simulator.WebhookTransport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call created through the simulated Voice API is dialled, answered and played as the platform plays it, and
 * the API's updates steer it between verbs: a redirect runs the BXML its URL returns, a hang-up ends the call.
 * The service here is a stand-in that answers webhooks with fixed BXML and, on machine detection's result, steers
 * the call through the API as a flow would.
 */
class OutboundCallsTest {
    private static final String BASIC =
            "Basic " + Base64.getEncoder().encodeToString("api-user:api-pass".getBytes(StandardCharsets.UTF_8));
    private static final String CALLS = "/api/v2/accounts/9900000/calls";
    private static final Response HOLD_THEN_MENU = Response.builder()
            .pause(p -> p.duration(30.0))
            .speakSentence("The menu")
            .build();
    private static final Response MESSAGE =
            Response.builder().speakSentence("Leave a message").hangup().build();
    private static final String CREATE = "create";
    private static final String REDIRECT = "redirect";
    private static final String HANG_UP = "hang up";
    /** What the transport's JSON library would have made of each body the test sends. */
    private static final Map<String, Map<String, Object>> BODIES = Map.of(
            CREATE,
            Map.of(
                    "to", "+15553334444",
                    "from", "+15552223333",
                    "applicationId", "app-1",
                    "answerUrl", "https://svc.example/voice/answer",
                    "disconnectUrl", "https://svc.example/voice/disconnect",
                    "machineDetection", Map.of("mode", "async", "callbackUrl", "https://svc.example/voice/amd")),
            REDIRECT,
            Map.of("redirectUrl", "https://svc.example/voice/redirect"),
            HANG_UP,
            Map.of("state", "completed"));

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SimulatedVoiceApi api = new SimulatedVoiceApi("9900000", "api-user", "api-pass", 100, text -> {
        Map<String, Object> document = BODIES.get(text);
        if (document == null) {
            throw new IllegalArgumentException("not a body of this test: " + text);
        }
        return document;
    });
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        api.close();
        scheduler.shutdownNow();
    }

    /** The stand-in service: fixed BXML, and {@code onDetection} run (off the simulator's thread) on the result. */
    private WebhookTransport service(Consumer<String> onDetection) {
        return new WebhookTransport() {
            @Override
            public CompletionStage<Delivery> deliver(URI url, VoiceEvent event) {
                delivered.add(event.eventType() + " " + url.getPath());
                if (event instanceof MachineDetectionCompleted detected) {
                    String callId = detected.call().callId().value();
                    CompletableFuture.runAsync(() -> onDetection.accept(callId));
                }
                Response reply = switch (event.eventType()) {
                    case "answer" -> HOLD_THEN_MENU;
                    case "redirect" -> MESSAGE;
                    default -> null;
                };
                return CompletableFuture.completedFuture(Delivery.answered(
                        reply == null ? 204 : 200, reply == null ? null : "application/xml", reply, Duration.ZERO));
            }
        };
    }

    private SimulationSummary placeOneCall(WebhookTransport service, double machines) throws Exception {
        CallerScript script = CallerScript.fromConfig(ConfigFactory.empty());
        Callees callees = new Callees(
                new CallPlayer(
                        service,
                        new ReplyChecks(Duration.ofSeconds(15), Duration.ofSeconds(5)),
                        script,
                        url -> true,
                        scheduler),
                script,
                1,
                machines,
                Duration.ofSeconds(10));
        OutboundCalls.follow(api, callees);
        ApiReply created = send("POST", CALLS, CREATE);
        assertEquals(201, created.status(), String.valueOf(created.document()));
        return callees.summaryAfter(1).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private ApiReply send(String method, String path, String body) {
        return api.handle(
                        method,
                        path,
                        Map.of("authorization", List.of(BASIC), "content-type", List.of("application/json")),
                        body)
                .toCompletableFuture()
                .join();
    }

    private SimulatedCall theCall() {
        return api.calls().get(0);
    }

    @Test
    void aRedirectDuringThePauseRunsTheNewBxmlInsteadOfTheRest() throws Exception {
        SimulationSummary summary = placeOneCall(service(callId -> send("POST", CALLS + "/" + callId, REDIRECT)), 1);

        assertTrue(summary.passed(), summary.violations()::toString);
        assertEquals(
                List.of(
                        "answer /voice/answer",
                        "machineDetectionComplete /voice/amd",
                        "redirect /voice/redirect",
                        "disconnect /voice/disconnect"),
                delivered);
        assertEquals(Map.of("machine", 1L), summary.callsByProfile());
        assertEquals(Map.of("hangup", 1L), summary.endings(), "the redirect's <Hangup> ended it");
        assertEquals(SimulatedCall.State.DISCONNECTED, theCall().state());
        assertEquals(
                409, send("POST", CALLS + "/" + theCall().callId(), REDIRECT).status());
    }

    @Test
    void aHangUpDuringThePauseEndsTheCall() throws Exception {
        SimulationSummary summary = placeOneCall(service(callId -> send("POST", CALLS + "/" + callId, HANG_UP)), 0);

        assertTrue(summary.passed(), summary.violations()::toString);
        assertEquals(
                List.of("answer /voice/answer", "machineDetectionComplete /voice/amd", "disconnect /voice/disconnect"),
                delivered);
        assertEquals(Map.of("hangup", 1L), summary.endings(), "hung up, not run out of verbs after the pause");
        assertEquals(1, theCall().updates().size());
        assertEquals(SimulatedCall.State.DISCONNECTED, theCall().state());
    }

    @Test
    void anUnknownCallIsNotFoundAndWrongCredentialsAreRefused() {
        assertEquals(404, send("POST", CALLS + "/c-nobody", REDIRECT).status());
        ApiReply refused = api.handle("GET", CALLS + "/c-nobody", Map.of("authorization", List.of("Basic eDp5")), "")
                .toCompletableFuture()
                .join();
        assertEquals(401, refused.status());
        assertEquals("authentication-error", ((Map<?, ?>) refused.document()).get("type"));
    }
}
