package io.switchboard.adapters.bandwidth;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.bxml.CallbackUrls;
import io.switchboard.adapters.http.simulator.HttpVoiceApi;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.common.FileFormat;
import io.switchboard.domain.control.CallControlFailure;
import io.switchboard.domain.control.CallControlFailure.Kind;
import io.switchboard.domain.control.CallInfo;
import io.switchboard.domain.control.CreateCall;
import io.switchboard.domain.control.CreatedCall;
import io.switchboard.domain.control.InvalidRequestException;
import io.switchboard.domain.control.MachineDetection;
import io.switchboard.domain.control.RecordingInfo;
import io.switchboard.domain.control.RecordingMedia;
import io.switchboard.domain.control.ReplaceCallBxml;
import io.switchboard.domain.control.ReplaceConferenceBxml;
import io.switchboard.domain.control.UpdateCall;
import io.switchboard.domain.control.UpdateConference;
import io.switchboard.domain.control.UpdateConferenceMember;
import io.switchboard.domain.verb.Credentials;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Response;
import io.switchboard.testkit.voiceapi.RecordedRequest;
import io.switchboard.testkit.voiceapi.SimulatedCall;
import io.switchboard.testkit.voiceapi.SimulatedVoiceApi;
import io.switchboard.testkit.voiceapi.SimulatedVoiceApi.StoredRecording;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The adapter against a real HTTP server playing Bandwidth's Voice API: every endpoint's method, path, headers,
 * auth and JSON field names as Bandwidth's OpenAPI description names them; every error class; retries and their
 * absence; pacing and its bounded queue; metrics.
 */
class BandwidthVoiceClientTest {

    private static final String ACCOUNT = "9900000";
    private static final String USER = "api-user";
    private static final String PASSWORD = "api-s3cret";
    private static final String APPLICATION = "04e88489-df02-4e34-a0ee-27a91849555f";
    private static final String CALLBACK_BASE = "https://sb.example.com/voice";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The simulated account dials a call every 1000 s: created calls stay queued while a test runs. */
    private static final double QUEUED_FOR_GOOD = 0.001;

    /** Runs the simulated API's HTTP server; the client under test needs none of Akka. */
    private static final ActorSystem<Void> SERVER_SYSTEM = ActorSystem.create(Behaviors.empty(), "voice-api");

    private final HttpVoiceApi server = HttpVoiceApi.start(SERVER_SYSTEM, ACCOUNT, USER, PASSWORD, QUEUED_FOR_GOOD);
    private final SimulatedVoiceApi api = server.api();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private BandwidthVoiceClient client = client(settings(api.baseUrl(), 100, 100));

    @AfterEach
    void stop() {
        server.close();
    }

    @AfterAll
    static void stopServerSystem() {
        SERVER_SYSTEM.terminate();
    }

    private static BandwidthSettings settings(URI apiUrl, double createsPerSecond, int queueCapacity) {
        return settings(apiUrl, USER, createsPerSecond, queueCapacity);
    }

    private static BandwidthSettings settings(URI apiUrl, String user, double createsPerSecond, int queueCapacity) {
        return new BandwidthSettings(
                apiUrl,
                ACCOUNT,
                user,
                PASSWORD,
                APPLICATION,
                CALLBACK_BASE,
                Optional.of(Credentials.of("hook-user", "hook-pass")),
                Duration.ofSeconds(1),
                // Room for a busy test machine; the tests that wait for it stall one request each.
                Duration.ofSeconds(2),
                new BandwidthSettings.RetrySettings(
                        3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(3)),
                createsPerSecond,
                queueCapacity,
                1024 * 1024);
    }

    private BandwidthVoiceClient client(BandwidthSettings settings) {
        return new BandwidthVoiceClient(settings, new BxmlWriter(CallbackUrls.under(CALLBACK_BASE)), registry);
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture()
                .orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                .join();
    }

    private static CallControlFailure failure(CompletionStage<?> stage) {
        CompletionException failed = assertThrows(CompletionException.class, () -> await(stage));
        return assertInstanceOf(CallControlFailure.class, failed.getCause());
    }

    private RecordedRequest only() {
        List<RecordedRequest> received = api.requests();
        assertEquals(1, received.size(), () -> "requests: " + received);
        return received.get(0);
    }

    private static JsonNode body(RecordedRequest request) throws Exception {
        return JSON.readTree(request.body());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String placeCall() {
        return await(client.createCall(CreateCall.of("+15553334444", "+15552223333")))
                .callId()
                .value();
    }

    @Test
    void createsACallWithBandwidthsFieldNamesAndThisServicesCallbacks() throws Exception {
        CreatedCall created = await(client.createCall(CreateCall.builder("+15553334444", "+15552223333")
                .machineDetection(MachineDetection.builder().detectionTimeout(8).build())
                .tag("campaign-7")
                .callTimeout(20.0)
                .priority(2)
                .build()));

        RecordedRequest request = only();
        JsonNode body = body(request);
        assertAll(
                () -> assertEquals("POST /api/v2/accounts/9900000/calls", request.line()),
                () -> assertEquals(Optional.of(basic(USER, PASSWORD)), request.header("Authorization")),
                () -> assertEquals(Optional.of("application/json"), request.header("Content-Type")),
                () -> assertEquals(Optional.of("application/json"), request.header("Accept")),
                () -> assertEquals("+15553334444", body.get("to").asText()),
                () -> assertEquals("+15552223333", body.get("from").asText()),
                () -> assertEquals(APPLICATION, body.get("applicationId").asText()),
                () -> assertEquals(
                        CALLBACK_BASE + "/answer", body.get("answerUrl").asText()),
                () -> assertEquals(
                        CALLBACK_BASE + "/disconnect", body.get("disconnectUrl").asText()),
                () -> assertEquals("hook-user", body.get("username").asText()),
                () -> assertEquals("hook-pass", body.get("password").asText()),
                () -> assertEquals(20.0, body.get("callTimeout").asDouble()),
                () -> assertEquals(2, body.get("priority").asInt()),
                () -> assertEquals("campaign-7", body.get("tag").asText()),
                () -> assertEquals(
                        8.0, body.at("/machineDetection/detectionTimeout").asDouble()),
                () -> assertEquals(
                        CALLBACK_BASE + "/machineDetectionComplete",
                        body.at("/machineDetection/callbackUrl").asText()),
                () -> assertEquals(
                        "hook-user", body.at("/machineDetection/username").asText()),
                () -> assertFalse(body.has("privacy"), "absent values are left out: " + body),
                () -> assertTrue(created.callId().value().startsWith("c-")),
                () -> assertEquals(api.baseUrl() + "/accounts/9900000/calls/" + created.callId(), created.callUrl()),
                () -> assertTrue(created.enqueuedTime() != null));
        assertEquals(
                SimulatedCall.State.QUEUED,
                api.call(created.callId().value()).orElseThrow().state());
    }

    @Test
    void sendsTheServicesCredentialsOnlyToItsOwnUrls() throws Exception {
        await(client.createCall(CreateCall.builder("+15553334444", "+15552223333")
                .answerUrl("https://elsewhere.example.com/answer")
                .build()));

        JsonNode body = body(only());
        assertEquals(
                "https://elsewhere.example.com/answer", body.get("answerUrl").asText());
        assertFalse(body.has("username"), "the webhook's credentials never go to a URL the request chose: " + body);
    }

    @Test
    void redirectsHangsUpAndReplacesTheBxmlOfALiveCall() throws Exception {
        String callId = placeCall();
        api.call(callId).orElseThrow().moveTo(SimulatedCall.State.ANSWERED);
        CallId call = CallId.of(callId);

        await(client.updateCall(UpdateCall.redirect(call, null).withTag("menu")));
        await(client.replaceCallBxml(new ReplaceCallBxml(
                call,
                Response.builder()
                        .speakSentence("Hello")
                        .add(Gather.builder().maxDigits(1).build())
                        .build())));
        await(client.updateCall(UpdateCall.hangUp(call)));

        List<RecordedRequest> received = api.requests().subList(1, 4);
        JsonNode redirect = body(received.get(0));
        JsonNode hangUp = body(received.get(2));
        assertAll(
                () -> assertEquals(
                        "POST /api/v2/accounts/9900000/calls/" + callId,
                        received.get(0).line()),
                () -> assertEquals(
                        CALLBACK_BASE + "/redirect", redirect.get("redirectUrl").asText()),
                () -> assertEquals("menu", redirect.get("tag").asText()),
                () -> assertEquals("hook-user", redirect.get("username").asText()),
                () -> assertFalse(redirect.has("state")),
                () -> assertEquals(
                        "PUT /api/v2/accounts/9900000/calls/" + callId + "/bxml",
                        received.get(1).line()),
                () -> assertEquals(
                        Optional.of("application/xml"), received.get(1).header("Content-Type")),
                () -> assertEquals(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Bxml><SpeakSentence>Hello</SpeakSentence>"
                                + "<Gather gatherUrl=\"" + CALLBACK_BASE + "/gather\" maxDigits=\"1\"/></Bxml>",
                        received.get(1).body()),
                () -> assertEquals("{\"state\":\"completed\"}", hangUp.toString()),
                () -> assertEquals(
                        SimulatedCall.State.DISCONNECTED,
                        api.call(callId).orElseThrow().state()));
    }

    @Test
    void steersAConferenceAndItsMembers() throws Exception {
        api.knowConference("conf-1");
        ConferenceId room = ConferenceId.of("conf-1");
        CallId member = CallId.of("c-member");

        await(client.updateConferenceMember(UpdateConferenceMember.mute(room, member, true)));
        await(client.updateConferenceMember(UpdateConferenceMember.coach(room, member, List.of(CallId.of("c-2")))));
        await(client.updateConference(UpdateConference.redirect(room, "https://ivr.example.com/conf")));
        await(client.replaceConferenceBxml(new ReplaceConferenceBxml(
                room, Response.builder().speakSentence("Ending soon").build())));
        await(client.updateConference(UpdateConference.complete(room)));

        List<RecordedRequest> received = api.requests();
        assertAll(
                () -> assertEquals(
                        "PUT /api/v2/accounts/9900000/conferences/conf-1/members/c-member",
                        received.get(0).line()),
                () -> assertEquals("{\"mute\":true}", received.get(0).body()),
                () -> assertEquals(
                        "{\"callIdsToCoach\":[\"c-2\"]}", received.get(1).body()),
                () -> assertEquals(
                        "POST /api/v2/accounts/9900000/conferences/conf-1",
                        received.get(2).line()),
                () -> assertEquals(
                        "https://ivr.example.com/conf",
                        body(received.get(2)).get("redirectUrl").asText()),
                () -> assertFalse(body(received.get(2)).has("username"), "not this service's URL"),
                () -> assertEquals(
                        "PUT /api/v2/accounts/9900000/conferences/conf-1/bxml",
                        received.get(3).line()),
                () -> assertTrue(
                        received.get(3).body().endsWith("<Bxml><SpeakSentence>Ending soon</SpeakSentence></Bxml>")),
                () -> assertEquals("{\"status\":\"completed\"}", received.get(4).body()),
                () -> assertEquals(2, api.memberUpdates("conf-1", "c-member").size()));
    }

    @Test
    void readsCallStateRecordingsTheirMediaAndTranscriptions() {
        String callId = placeCall();
        byte[] audio = {82, 73, 70, 70, 1, 2, 3};
        api.store(new StoredRecording(callId, "r-1", audio, "audio/vnd.wave", "Call me back"));
        api.knowConference("conf-9");
        api.store(new StoredRecording("conf-9", "r-9", new byte[] {9}, "audio/mpeg", null));

        CallInfo info = await(client.getCall(CallId.of(callId)));
        List<RecordingInfo> recordings = await(client.listCallRecordings(CallId.of(callId)));
        RecordingMedia media = await(client.downloadCallRecording(CallId.of(callId), "r-1"));
        String transcript = await(client.getRecordingTranscription(CallId.of(callId), "r-1"))
                .text();
        List<RecordingInfo> conferenceRecordings = await(client.listConferenceRecordings(ConferenceId.of("conf-9")));
        RecordingMedia conferenceMedia = await(client.downloadConferenceRecording(ConferenceId.of("conf-9"), "r-9"));

        List<String> lines = api.requests().stream().map(RecordedRequest::line).toList();
        assertAll(
                () -> assertEquals(
                        List.of(
                                "POST /api/v2/accounts/9900000/calls",
                                "GET /api/v2/accounts/9900000/calls/" + callId,
                                "GET /api/v2/accounts/9900000/calls/" + callId + "/recordings",
                                "GET /api/v2/accounts/9900000/calls/" + callId + "/recordings/r-1/media",
                                "GET /api/v2/accounts/9900000/calls/" + callId + "/recordings/r-1/transcription",
                                "GET /api/v2/accounts/9900000/conferences/conf-9/recordings",
                                "GET /api/v2/accounts/9900000/conferences/conf-9/recordings/r-9/media"),
                        lines),
                () -> assertEquals(Direction.OUTBOUND, info.direction()),
                () -> assertEquals("queued", info.state()),
                () -> assertEquals("+15553334444", info.to()),
                () -> assertEquals("r-1", recordings.get(0).recordingId()),
                () -> assertEquals(FileFormat.WAV, recordings.get(0).fileFormat()),
                () -> assertEquals(Duration.ofMillis(2500), recordings.get(0).duration()),
                () -> assertEquals("available", recordings.get(0).transcriptionStatus()),
                () -> assertArrayEquals(audio, media.content()),
                () -> assertEquals("audio/vnd.wave", media.contentType()),
                () -> assertEquals("Call me back", transcript),
                () -> assertEquals("conf-9", conferenceRecordings.get(0).ownerId()),
                () -> assertEquals(FileFormat.MP3, conferenceRecordings.get(0).fileFormat()),
                () -> assertEquals("audio/mpeg", conferenceMedia.contentType()));
    }

    @Test
    void wrongCredentialsAreUnauthorizedWithBandwidthsErrorDocumentAndNotRetried() {
        client = client(settings(api.baseUrl(), "someone-else", 100, 100));

        CallControlFailure failure = failure(client.getCall(CallId.of("c-1")));

        assertAll(
                () -> assertEquals(Kind.UNAUTHORIZED, failure.kind()),
                () -> assertEquals(401, failure.status()),
                () -> assertEquals("authentication-error", failure.errorType()),
                () -> assertEquals("the API credentials are missing or wrong", failure.errorDescription()),
                () -> assertTrue(failure.errorId().startsWith("e-")),
                () -> assertEquals(1, api.requests().size()),
                () -> assertFalse(failure.getMessage().contains(PASSWORD)));
    }

    @Test
    void anUnknownCallIsNotFoundAndAnEndedOneConflicts() {
        String callId = placeCall();

        CallControlFailure unknown = failure(client.updateCall(UpdateCall.hangUp(CallId.of("c-nobody"))));
        CallControlFailure queued = failure(client.updateCall(UpdateCall.redirect(CallId.of(callId), null)));
        await(client.updateCall(UpdateCall.hangUp(CallId.of(callId))));
        CallControlFailure ended = failure(client.updateCall(UpdateCall.hangUp(CallId.of(callId))));

        assertAll(
                () -> assertEquals(Kind.NOT_FOUND, unknown.kind()),
                () -> assertEquals("not-found", unknown.errorType()),
                () -> assertEquals(Kind.CONFLICT, queued.kind(), "a queued call cannot be redirected"),
                () -> assertEquals(Kind.CONFLICT, ended.kind()),
                () -> assertEquals("call " + callId + " is not active", ended.errorDescription()),
                () -> assertEquals(5, api.requests().size(), "no error of the client's own is retried"));
    }

    @ParameterizedTest(name = "{0} -> {1}, {2} tries")
    @CsvSource({
        "400, INVALID_REQUEST, 1",
        "403, FORBIDDEN, 1",
        "404, NOT_FOUND, 1",
        "409, CONFLICT, 1",
        "418, UNEXPECTED_STATUS, 1",
        "429, RATE_LIMITED, 3",
        "500, SERVER_ERROR, 3",
        "503, SERVER_ERROR, 3"
    })
    void eachStatusBecomesItsKindAndOnlyRateLimitsAndServerErrorsAreRetried(int status, Kind kind, int tries) {
        api.failNext("GET", "/calls/c-1", status, 5);

        CallControlFailure failure = failure(client.getCall(CallId.of("c-1")));

        assertAll(
                () -> assertEquals(kind, failure.kind()),
                () -> assertEquals(status, failure.status()),
                () -> assertEquals("injected", failure.errorType()),
                () -> assertEquals(tries, api.requests().size()));
    }

    @Test
    void aServerErrorIsRetriedUntilItSucceedsEvenForACreate() {
        api.failNext("POST", "/calls", 503, 2);

        CreatedCall created = await(client.createCall(CreateCall.of("+15553334444", "+15552223333")));

        assertEquals(3, api.requests().size());
        assertEquals(1, api.calls().size(), "Bandwidth answered each failure, so the call exists once");
        assertEquals(1, api.call(created.callId().value()).map(call -> 1).orElse(0));
        assertEquals(
                2.0,
                registry.get("switchboard.bandwidth.retries")
                        .tag("operation", "createCall")
                        .counter()
                        .count());
    }

    @Test
    void aRateLimitIsRetriedNoSoonerThanItsRetryAfter() {
        String callId = placeCall();
        api.failNext("GET", "/calls/.*", 429, 1, Duration.ofSeconds(1));

        CallInfo info = await(client.getCall(CallId.of(callId)));

        List<RecordedRequest> gets = api.requests().subList(1, 3);
        Duration waited = Duration.between(gets.get(0).receivedAt(), gets.get(1).receivedAt());
        assertEquals(callId, info.callId().value());
        assertTrue(waited.compareTo(Duration.ofMillis(950)) >= 0, "waited " + waited);
    }

    @Test
    void aRetryAfterLongerThanAllowedFailsAtOnce() {
        api.failNext("GET", "/calls/c-1", 429, 1, Duration.ofSeconds(60));

        CallControlFailure failure = failure(client.getCall(CallId.of("c-1")));

        assertEquals(Kind.RATE_LIMITED, failure.kind());
        assertEquals(1, api.requests().size());
    }

    @Test
    void aCreateWithoutAnAnswerIsReportedUnknownAndNeverSentAgain() {
        api.stallNext("POST", "/calls", 1);

        CallControlFailure failure = failure(client.createCall(CreateCall.of("+15553334444", "+15552223333")));

        assertEquals(Kind.OUTCOME_UNKNOWN, failure.kind());
        assertEquals(0, failure.status());
        assertEquals(1, api.requests().size(), "a create whose outcome is unknown is never retried blindly");
        assertEquals(
                1.0,
                registry.get("switchboard.bandwidth.requests")
                        .tag("operation", "createCall")
                        .tag("outcome", "outcome_unknown")
                        .counter()
                        .count());
    }

    @Test
    void aRedirectWithoutAnAnswerIsNotRepeatedEither() {
        String callId = placeCall();
        api.call(callId).orElseThrow().moveTo(SimulatedCall.State.ANSWERED);
        api.stallNext("POST", "/calls/.*", 1);

        CallControlFailure failure = failure(client.updateCall(UpdateCall.redirect(CallId.of(callId), null)));

        assertEquals(Kind.OUTCOME_UNKNOWN, failure.kind());
        assertEquals(2, api.requests().size());
    }

    @Test
    void aReadOrAPutWithoutAnAnswerIsSafeToRepeatAndIs() {
        api.knowConference("conf-1");
        api.stallNext("PUT", "/conferences/conf-1/members/.*", 1);

        await(client.updateConferenceMember(
                UpdateConferenceMember.hold(ConferenceId.of("conf-1"), CallId.of("c-1"), true)));

        assertEquals(2, api.requests().size());
        assertEquals(1, api.memberUpdates("conf-1", "c-1").size());
    }

    @Test
    void anUnreachableApiIsTriedAgainThenReported() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        client = client(settings(URI.create("http://127.0.0.1:" + closedPort + "/api/v2"), 100, 100));

        CallControlFailure failure = failure(client.createCall(CreateCall.of("+15553334444", "+15552223333")));

        assertEquals(Kind.UNREACHABLE, failure.kind());
        assertEquals(
                2.0,
                registry.get("switchboard.bandwidth.retries")
                        .tag("reason", "unreachable")
                        .counter()
                        .count(),
                "a request that never left is safe to send again, a create too");
    }

    @Test
    void createsArePacedEvenlyAtTheConfiguredRate() {
        client = client(settings(api.baseUrl(), 20, 100));
        Instant submitted = Instant.now();

        List<CompletableFuture<CreatedCall>> created = IntStream.range(0, 5)
                .mapToObj(i -> client.createCall(CreateCall.of("+1555333444" + i, "+15552223333"))
                        .toCompletableFuture())
                .toList();
        created.forEach(BandwidthVoiceClientTest::await);

        List<RecordedRequest> received = api.requests();
        assertEquals(5, received.size());
        // The fifth create's slot is four intervals of 50 ms after the first; a slot is never early.
        Duration fifth = Duration.between(submitted, received.get(4).receivedAt());
        assertTrue(fifth.compareTo(Duration.ofMillis(195)) >= 0, "the fifth create arrived after " + fifth);
    }

    @Test
    void aFullQueueRefusesCreatesAtOnceAndSendsNothingForThem() {
        client = client(settings(api.baseUrl(), 5, 2));

        List<CompletableFuture<CreatedCall>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.add(client.createCall(CreateCall.of("+1555333444" + i, "+15552223333"))
                    .toCompletableFuture());
        }
        long refused = attempts.stream()
                .filter(attempt ->
                        attempt.isCompletedExceptionally() && failure(attempt).kind() == Kind.QUEUE_FULL)
                .count();
        attempts.stream()
                .filter(attempt -> !attempt.isCompletedExceptionally())
                .forEach(BandwidthVoiceClientTest::await);

        assertTrue(refused == 3 || refused == 4, "refused " + refused + " (2 wait, 1 may already be on its way)");
        assertEquals(6 - refused, api.requests().size());
    }

    @Test
    void aRequestWithoutAnApplicationFailsBeforeAnythingIsSent() {
        BandwidthSettings base = settings(api.baseUrl(), 100, 100);
        client = client(new BandwidthSettings(
                base.apiUrl(),
                base.accountId(),
                base.username(),
                base.password(),
                null,
                base.callbackBase(),
                base.callbackCredentials(),
                base.connectTimeout(),
                base.requestTimeout(),
                base.retry(),
                base.createsPerSecond(),
                base.createQueueCapacity(),
                base.maxMediaBytes()));

        CompletionException failed = assertThrows(
                CompletionException.class,
                () -> await(client.createCall(CreateCall.of("+15553334444", "+15552223333"))));

        InvalidRequestException refused = assertInstanceOf(InvalidRequestException.class, failed.getCause());
        assertEquals("applicationId", refused.field());
        assertTrue(api.requests().isEmpty());
    }

    @Test
    void settingsNeverShowThePassword() {
        String shown = settings(api.baseUrl(), 1, 1).toString();
        assertFalse(shown.contains(PASSWORD), shown);
        assertNull(registry.getMeters().stream()
                .filter(meter -> meter.getId().toString().contains(PASSWORD))
                .findAny()
                .orElse(null));
    }
}
