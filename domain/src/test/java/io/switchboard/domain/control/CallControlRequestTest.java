package io.switchboard.domain.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.verb.Callback;
import io.switchboard.domain.verb.Conference;
import io.switchboard.domain.verb.Credentials;
import io.switchboard.domain.verb.Response;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every limit Bandwidth's Voice API documents for the requests, on both sides of the edge: a value just inside is
 * accepted, one just past it is refused before anything is sent, with a message naming request, field and value.
 */
class CallControlRequestTest {

    private static final String TO = "+15555550100";
    private static final String FROM = "+15555550199";
    private static final CallId CALL = CallId.of("c-1");
    private static final ConferenceId ROOM = ConferenceId.of("conf-1");

    private static CreateCall.Builder call() {
        return CreateCall.builder(TO, FROM);
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments("to as SIP URI", (Supplier<?>) () -> CreateCall.of("sip:agent@pbx.example.com", FROM)),
                arguments("shortest E.164", (Supplier<?>) () -> CreateCall.of("+12", FROM)),
                arguments("callTimeout 1", (Supplier<?>)
                        () -> call().callTimeout(1.0).build()),
                arguments("callTimeout 300", (Supplier<?>)
                        () -> call().callTimeout(300.0).build()),
                arguments("callbackTimeout 25", (Supplier<?>)
                        () -> call().callbackTimeout(25.0).build()),
                arguments("priority 1", (Supplier<?>) () -> call().priority(1).build()),
                arguments("priority 5", (Supplier<?>) () -> call().priority(5).build()),
                arguments("tag of 4096", (Supplier<?>)
                        () -> call().tag("t".repeat(4096)).build()),
                arguments("answerUrl of 2048", (Supplier<?>)
                        () -> call().answerUrl(url(2048)).build()),
                arguments("displayName of 256", (Supplier<?>)
                        () -> call().displayName("n".repeat(256)).build()),
                arguments("private name with privacy", (Supplier<?>)
                        () -> call().privacy(true).displayName("Anonymous").build()),
                arguments("uui values", (Supplier<?>) () -> call().uui("aGVsbG8;encoding=base64,abc.def;encoding=jwt")
                        .build()),
                arguments("https with credentials", (Supplier<?>) () -> call().answerUrl("https://ivr.example.com/a")
                        .credentials(Credentials.of("u", "p"))
                        .build()),
                arguments("async detection with a callback", (Supplier<?>)
                        () -> call().machineDetection(MachineDetection.builder()
                                        .detectionTimeout(0.5)
                                        .callback(Callback.of("https://ivr.example.com/amd"))
                                        .build())
                                .build()),
                arguments("redirect with tag", (Supplier<?>) () ->
                        UpdateCall.redirect(CALL, "https://ivr.example.com/r").withTag("")),
                arguments("redirect to this service", (Supplier<?>) () -> UpdateCall.redirect(CALL, null)),
                arguments("member coaching nobody", (Supplier<?>)
                        () -> UpdateConferenceMember.coach(ROOM, CALL, List.of())),
                arguments("conference BXML", (Supplier<?>) () -> new ReplaceConferenceBxml(
                        ROOM, Response.builder().speakSentence("hi").build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptsValuesAtTheEdge(String label, Supplier<?> build) {
        assertDoesNotThrow(build::get);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                refusal("createCall", "to", "'5555550100'", () -> CreateCall.of("5555550100", FROM)),
                refusal("createCall", "to", null, () -> CreateCall.of(null, FROM)),
                refusal("createCall", "to", "'sip:'", () -> CreateCall.of("sip:", FROM)),
                refusal("createCall", "from", "'sip:me@example.com'", () -> CreateCall.of(TO, "sip:me@example.com")),
                refusal(
                        "createCall",
                        "callTimeout",
                        "0.5",
                        () -> call().callTimeout(0.5).build()),
                refusal(
                        "createCall",
                        "callTimeout",
                        "300.5",
                        () -> call().callTimeout(300.5).build()),
                refusal(
                        "createCall",
                        "callTimeout",
                        "NaN",
                        () -> call().callTimeout(Double.NaN).build()),
                refusal(
                        "createCall",
                        "callbackTimeout",
                        "25.1",
                        () -> call().callbackTimeout(25.1).build()),
                refusal("createCall", "priority", "0", () -> call().priority(0).build()),
                refusal("createCall", "priority", "6", () -> call().priority(6).build()),
                refusal(
                        "createCall",
                        "tag",
                        null,
                        () -> call().tag("t".repeat(4097)).build()),
                refusal(
                        "createCall",
                        "answerUrl",
                        null,
                        () -> call().answerUrl(url(2049)).build()),
                refusal(
                        "createCall",
                        "answerUrl",
                        "'/relative'",
                        () -> call().answerUrl("/relative").build()),
                refusal(
                        "createCall",
                        "answerUrl",
                        "'ftp://x.example.com'",
                        () -> call().answerUrl("ftp://x.example.com").build()),
                refusal(
                        "createCall",
                        "disconnectUrl",
                        "'https://a b'",
                        () -> call().disconnectUrl("https://a b").build()),
                refusal(
                        "createCall",
                        "displayName",
                        null,
                        () -> call().displayName("n".repeat(257)).build()),
                refusal(
                        "createCall",
                        "displayName",
                        "'a\nb'",
                        () -> call().displayName("a\nb").build()),
                refusal(
                        "createCall",
                        "displayName",
                        "'Alice'",
                        () -> call().privacy(true).displayName("Alice").build()),
                refusal(
                        "createCall",
                        "uui",
                        "'plain'",
                        () -> call().uui("plain").build()),
                refusal(
                        "createCall",
                        "username",
                        null,
                        () -> call().credentials(Credentials.of("u".repeat(1025), "p"))
                                .build()),
                refusal(
                        "createCall",
                        "answerUrl",
                        "'http://ivr.example.com/a'",
                        () -> call().answerUrl("http://ivr.example.com/a")
                                .credentials(Credentials.of("u", "p"))
                                .build()),
                refusal(
                        "createCall",
                        "machineDetection.detectionTimeout",
                        "0",
                        () -> MachineDetection.builder().detectionTimeout(0).build()),
                refusal(
                        "createCall",
                        "machineDetection.callbackUrl",
                        "'https://x.example.com'",
                        () -> MachineDetection.builder()
                                .mode(MachineDetectionMode.SYNC)
                                .callback(Callback.of("https://x.example.com"))
                                .build()),
                refusal(
                        "createCall",
                        "machineDetection.fallbackUrl",
                        "'nope'",
                        () -> MachineDetection.builder()
                                .callback(new Callback("https://x.example.com", null, "nope", null))
                                .build()),
                refusal(
                        "updateCall",
                        "state",
                        "'completed'",
                        () -> UpdateCall.hangUp(CALL).withTag("x")),
                refusal("updateCall", "redirectUrl", "'x'", () -> UpdateCall.redirect(CALL, "x")),
                refusal(
                        "updateCall",
                        "tag",
                        null,
                        () -> UpdateCall.redirect(CALL, null).withTag("t".repeat(4097))),
                refusal("updateCallBxml", "bxml", null, () -> new ReplaceCallBxml(CALL, Response.empty())),
                refusal(
                        "updateConference",
                        "status",
                        "'completed'",
                        () -> new UpdateConference(ROOM, true, Callback.of("https://x.example.com"), null)),
                refusal(
                        "updateConferenceBxml",
                        "bxml",
                        null,
                        () -> new ReplaceConferenceBxml(ROOM, Response.of(Conference.of("other")))),
                refusal(
                        "updateConferenceMember",
                        "mute",
                        null,
                        () -> new UpdateConferenceMember(ROOM, CALL, null, null, null)));
    }

    private static Arguments refusal(String request, String field, String shown, Supplier<?> build) {
        return arguments(request + "." + field + (shown == null ? "" : " = " + shown), request, field, shown, build);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesValuesPastTheEdgeNamingRequestAndField(
            String label, String request, String field, String shown, Supplier<?> build) {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, build::get);
        assertAll(
                () -> assertEquals(request, refused.request()),
                () -> assertEquals(field, refused.field()),
                () -> assertTrue(refused.getMessage().startsWith(request + ": " + field + " "), refused.getMessage()),
                () -> {
                    if (shown != null) {
                        assertEquals(shown, refused.value());
                    }
                });
    }

    @Test
    void credentialsNeverShowInARequestsText() {
        CreateCall call = call().answerUrl("https://ivr.example.com/a")
                .credentials(Credentials.of("user", "s3cret-pass"))
                .build();
        assertTrue(!call.toString().contains("s3cret-pass"), call.toString());
    }

    @Test
    void eachRequestSendsItselfThroughTheMatchingOperation() {
        assertEquals("createCall", CreateCall.of(TO, FROM).operation());
        assertEquals("updateCall", UpdateCall.hangUp(CALL).operation());
        assertEquals(
                "updateConferenceMember",
                UpdateConferenceMember.mute(ROOM, CALL, true).operation());
        CompletionException failed = assertThrows(
                CompletionException.class,
                () -> UpdateCall.hangUp(CALL)
                        .sendThrough(CallControl.unavailable())
                        .toCompletableFuture()
                        .join());
        CallControlFailure failure = assertInstanceOf(CallControlFailure.class, failed.getCause());
        assertEquals(CallControlFailure.Kind.NOT_CONFIGURED, failure.kind());
        assertEquals("updateCall", failure.operation());
    }

    private static String url(int length) {
        String prefix = "https://ivr.example.com/";
        return prefix + "a".repeat(length - prefix.length());
    }
}
