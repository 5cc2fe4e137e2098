package io.switchboard.adapters.http.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.adapters.http.HttpSettings;
import io.switchboard.adapters.http.json.WebhookObjectMapper;
import io.switchboard.adapters.http.problem.ProblemExceptionHandler;
import io.switchboard.adapters.http.problem.ProblemRejectionHandler;
import io.switchboard.adapters.http.problem.ProblemRenderer;
import io.switchboard.domain.control.CallControlFailure;
import io.switchboard.domain.control.CallControlFailure.Kind;
import io.switchboard.domain.control.CreateCall;
import io.switchboard.domain.control.MachineDetectionMode;
import io.switchboard.domain.control.ScriptedCallControl;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code POST /admin/calls}: a call placed through call control, every refusal a problem document. */
class CallPlacementTest {
    private static final ActorTestKit testKit = ActorTestKit.create();
    private static final String CALL = """
            {"to": "+15553334444", "from": "+15552223333", "machineDetection": "async", "tag": "campaign-1"}""";

    private final ScriptedCallControl control = new ScriptedCallControl();

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    private record Exchange(int status, String contentType, JsonNode body, Optional<String> retryAfter) {}

    private CompletableFuture<Exchange> post(String body) throws Exception {
        HttpRequest request = HttpRequest.POST("/").withEntity(ContentTypes.APPLICATION_JSON, body);
        ProblemRenderer problems = new ProblemRenderer(WebhookObjectMapper.create());
        // Sealed as the admin routes seal it: every rejection a problem document.
        return new CallPlacement(control, WebhookObjectMapper.create(), problems)
                .route()
                .seal(
                        ProblemRejectionHandler.create(problems),
                        ProblemExceptionHandler.create(problems, HttpSettings.DEFAULT_RETRY_AFTER))
                .handler(testKit.system())
                .apply(request)
                .thenCompose(response -> response.entity()
                        .toStrict(5_000, testKit.system())
                        .thenApply(strict -> exchange(response, strict.getData().utf8String())))
                .toCompletableFuture();
    }

    private static Exchange exchange(HttpResponse response, String body) {
        try {
            return new Exchange(
                    response.status().intValue(),
                    response.entity().getContentType().toString(),
                    WebhookObjectMapper.create().readTree(body.isEmpty() ? "{}" : body),
                    response.getHeader("Retry-After").map(header -> header.value()));
        } catch (Exception notJson) {
            throw new AssertionError("not JSON: " + body, notJson);
        }
    }

    private static Exchange await(CompletableFuture<Exchange> exchange) throws Exception {
        return exchange.get(10, TimeUnit.SECONDS);
    }

    private Exchange answeredWith(CallControlFailure failure) throws Exception {
        CompletableFuture<Exchange> exchange = post(CALL);
        control.next().fail(failure);
        return await(exchange);
    }

    @Test
    void placesTheCallAndAnswersWithItsId() throws Exception {
        CompletableFuture<Exchange> exchange = post(CALL);
        ScriptedCallControl.Sent sent = control.next();
        sent.succeed();
        Exchange created = await(exchange);

        CreateCall request = (CreateCall) sent.request();
        assertEquals(201, created.status());
        assertEquals("c-created", created.body().get("callId").asText());
        assertEquals("+15553334444", request.to());
        assertEquals("campaign-1", request.tag());
        assertEquals(MachineDetectionMode.ASYNC, request.machineDetection().mode());
        assertNull(request.answer(), "the answer comes to this service's own channel");
    }

    @Test
    void aRefusedValueIsA400NamingTheFieldAndNothingIsSent() throws Exception {
        Exchange refused = await(post("{\"to\": \"555\", \"from\": \"+15552223333\"}"));

        assertEquals(400, refused.status());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("to", refused.body().get("field").asText());
        assertTrue(refused.body().get("detail").asText().startsWith("createCall: to must be an E.164 number"));
        assertNull(control.nextWithin(200));
    }

    @Test
    void anUnknownMachineDetectionModeIsA400() throws Exception {
        Exchange refused =
                await(post("{\"to\": \"+15553334444\", \"from\": \"+15552223333\", \"machineDetection\": \"maybe\"}"));

        assertEquals(400, refused.status());
        assertEquals("machineDetection", refused.body().get("field").asText());
    }

    @Test
    void aMisspeltFieldIsRefusedRatherThanIgnored() throws Exception {
        Exchange refused = await(post("{\"to\": \"+15553334444\", \"form\": \"+15552223333\"}"));

        assertEquals(400, refused.status());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals(
                "form", refused.body().get("field").asText(), refused.body().toString());
        assertNull(control.nextWithin(200));
    }

    @Test
    void bandwidthsRefusalIsABadGatewayWithItsError() throws Exception {
        Exchange refused = answeredWith(
                new CallControlFailure(Kind.INVALID_REQUEST, "createCall", 400, "validation", "Invalid from", "e-1"));

        assertEquals(502, refused.status());
        assertTrue(refused.body().get("detail").asText().contains("validation: Invalid from [id e-1]"));
    }

    @Test
    void aFullQueueIsUnavailableForAWhile() throws Exception {
        Exchange refused =
                answeredWith(CallControlFailure.withoutAnswer(Kind.QUEUE_FULL, "createCall", "500 calls wait"));

        assertEquals(503, refused.status());
        assertEquals(Optional.of("5"), refused.retryAfter());
    }

    @Test
    void aCreateWithoutAnAnswerIsAGatewayTimeoutThatSaysTheCallMayExist() throws Exception {
        Exchange unknown =
                answeredWith(CallControlFailure.withoutAnswer(Kind.OUTCOME_UNKNOWN, "createCall", "no answer"));

        assertEquals(504, unknown.status());
        assertTrue(unknown.body().get("detail").asText().contains("may have been placed"));
    }
}
