package io.switchboard.testkit.voiceapi;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bandwidth's Voice API v2 as the platform plays it, without the wire: the call, conference, member, recording
 * and transcription endpoints, with HTTP Basic auth, Bandwidth's status codes and its
 * {@code {type, description, id}} error documents. A transport (the HTTP adapter's, on a local port) hands each
 * request to {@link #handle} and writes the {@link ApiReply} back.
 *
 * <p>A created call is queued and dialled at the configured rate (the {@link Listener} hears it, so a simulator
 * can play the callee and send the call's webhooks); an update redirects or hangs up a live call and answers
 * {@code 409} for one that is not active. Faults are injected per request: any status (with a
 * {@code Retry-After}), or no answer at all. Every request is recorded as it came.
 */
public final class SimulatedVoiceApi implements AutoCloseable {

    /** What the simulator does when the API changes a call; each method runs on the API's own threads. */
    public interface Listener {
        /** A created call left the queue: the platform dials it now. */
        default void dialled(SimulatedCall call) {}

        /** A live call was redirected: the platform asks the update's {@code redirectUrl} for BXML now. */
        default void redirected(SimulatedCall call, Map<String, Object> update) {}

        /** A call was hung up (or a queued one cancelled) through the API. */
        default void hungUp(SimulatedCall call) {}

        /** A live call's BXML was replaced by {@code bxml}. */
        default void bxmlReplaced(SimulatedCall call, String bxml) {}
    }

    /** A recording the API can list, download and transcribe. */
    public record StoredRecording(
            String ownerId, String recordingId, byte[] media, String contentType, String transcript) {}

    private record Fault(String method, Pattern path, int status, Duration retryAfter, boolean stall) {}

    private static final Pattern ACCOUNT_PATH = Pattern.compile("/api/v2/accounts/([^/]+)(/.*)");
    private static final Pattern CALLS = Pattern.compile("/calls");
    private static final Pattern CALL = Pattern.compile("/calls/([^/]+)");
    private static final Pattern CALL_BXML = Pattern.compile("/calls/([^/]+)/bxml");
    private static final Pattern CALL_RECORDINGS = Pattern.compile("/(calls|conferences)/([^/]+)/recordings");
    private static final Pattern RECORDING_MEDIA =
            Pattern.compile("/(calls|conferences)/([^/]+)/recordings/([^/]+)/media");
    private static final Pattern TRANSCRIPTION = Pattern.compile("/calls/([^/]+)/recordings/([^/]+)/transcription");
    private static final Pattern CONFERENCE = Pattern.compile("/conferences/([^/]+)");
    private static final Pattern CONFERENCE_BXML = Pattern.compile("/conferences/([^/]+)/bxml");
    private static final Pattern MEMBER = Pattern.compile("/conferences/([^/]+)/members/([^/]+)");
    private static final Pattern E164_OR_SIP = Pattern.compile("\\+[1-9][0-9]{1,14}|sip:\\S+");

    private final String accountId;
    private final String authorization;
    private final JsonReader json;
    private final ScheduledExecutorService dialler;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final List<CompletableFuture<ApiReply>> stalled = new CopyOnWriteArrayList<>();
    private final Map<String, SimulatedCall> calls = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> conferenceUpdates = new ConcurrentHashMap<>();
    private final Map<String, List<String>> conferenceBxml = new ConcurrentHashMap<>();
    private final Map<String, Map<String, List<Map<String, Object>>>> memberUpdates = new ConcurrentHashMap<>();
    private final List<StoredRecording> recordings = new CopyOnWriteArrayList<>();
    private volatile Listener listener = new Listener() {};
    private volatile URI baseUrl = URI.create("http://127.0.0.1/api/v2");

    /**
     * The API for one account and its API credentials.
     *
     * @param dialsPerSecond how fast queued calls leave the queue, as the account's rate
     * @param json           the transport's reader of JSON bodies
     */
    public SimulatedVoiceApi(
            String accountId, String username, String password, double dialsPerSecond, JsonReader json) {
        if (!(dialsPerSecond > 0)) {
            throw new IllegalArgumentException("dialsPerSecond must be positive, was " + dialsPerSecond);
        }
        this.accountId = accountId;
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.json = json;
        this.dialler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "voice-api-dialler");
            thread.setDaemon(true);
            return thread;
        });
        long intervalMicros = Math.max(1, Math.round(1_000_000 / dialsPerSecond));
        dialler.scheduleAtFixedRate(this::dialNext, intervalMicros, intervalMicros, TimeUnit.MICROSECONDS);
    }

    /** Where the transport serves the API ({@code http://127.0.0.1:<port>/api/v2}), for the URLs it hands out. */
    public void servedAt(URI value) {
        baseUrl = value;
    }

    /** The base URL the adapter is configured with. */
    public URI baseUrl() {
        return baseUrl;
    }

    public void listen(Listener value) {
        listener = value;
    }

    /** Every request received, in order of arrival. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public Optional<SimulatedCall> call(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    /** Every call the API holds. */
    public List<SimulatedCall> calls() {
        return List.copyOf(calls.values());
    }

    /** A call the platform has that the API did not place (an inbound one), so updates can find it. */
    public SimulatedCall knowCall(String callId, SimulatedCall.State state) {
        return calls.computeIfAbsent(callId, id -> new SimulatedCall(id, null, state));
    }

    /** A live conference, so updates of it and its members are accepted. */
    public void knowConference(String conferenceId) {
        conferenceUpdates.putIfAbsent(conferenceId, new CopyOnWriteArrayList<>());
        conferenceBxml.putIfAbsent(conferenceId, new CopyOnWriteArrayList<>());
        memberUpdates.putIfAbsent(conferenceId, new ConcurrentHashMap<>());
    }

    public List<Map<String, Object>> conferenceUpdates(String conferenceId) {
        return List.copyOf(conferenceUpdates.getOrDefault(conferenceId, List.of()));
    }

    public List<String> conferenceBxml(String conferenceId) {
        return List.copyOf(conferenceBxml.getOrDefault(conferenceId, List.of()));
    }

    public List<Map<String, Object>> memberUpdates(String conferenceId, String memberId) {
        return List.copyOf(memberUpdates.getOrDefault(conferenceId, Map.of()).getOrDefault(memberId, List.of()));
    }

    public void store(StoredRecording recording) {
        recordings.add(recording);
    }

    /** The next {@code times} requests of {@code method} on a path matching {@code pathRegex} get {@code status}. */
    public void failNext(String method, String pathRegex, int status, int times) {
        failNext(method, pathRegex, status, times, null);
    }

    /** The same, with {@code Retry-After} in whole seconds. */
    public synchronized void failNext(String method, String pathRegex, int status, int times, Duration retryAfter) {
        for (int i = 0; i < times; i++) {
            faults.add(new Fault(method, Pattern.compile(pathRegex), status, retryAfter, false));
        }
    }

    /** The next {@code times} matching requests get no answer until the API closes: the client times out. */
    public synchronized void stallNext(String method, String pathRegex, int times) {
        for (int i = 0; i < times; i++) {
            faults.add(new Fault(method, Pattern.compile(pathRegex), 0, null, true));
        }
    }

    @Override
    public void close() {
        dialler.shutdownNow();
        stalled.forEach(reply -> reply.cancel(false));
    }

    /**
     * Answers one request as it came off the wire.
     *
     * @param path    the request's path, without the query
     * @param headers by lower-case name
     * @return the reply; one that never completes while the API is open when a stall was injected
     */
    public CompletionStage<ApiReply> handle(
            String method, String path, Map<String, List<String>> headers, String body) {
        RecordedRequest request = new RecordedRequest(method, path, headers, body, Instant.now());
        requests.add(request);
        Matcher account = ACCOUNT_PATH.matcher(path);
        if (!account.matches()) {
            return answer(error(404, "not-found", "no such resource: " + path));
        }
        if (!authorization.equals(request.header("Authorization").orElse(null))) {
            return answer(error(401, "authentication-error", "the API credentials are missing or wrong"));
        }
        if (!accountId.equals(account.group(1))) {
            return answer(error(403, "forbidden", "these credentials may not use account " + account.group(1)));
        }
        String resource = account.group(2);
        Optional<Fault> fault = takeFault(method, resource);
        if (fault.isPresent()) {
            if (fault.get().stall()) {
                CompletableFuture<ApiReply> never = new CompletableFuture<>();
                stalled.add(never);
                return never;
            }
            ApiReply injected = error(fault.get().status(), "injected", "fault injected by the simulator");
            Duration retryAfter = fault.get().retryAfter();
            return answer(
                    retryAfter == null
                            ? injected
                            : injected.withHeader("Retry-After", Long.toString(retryAfter.toSeconds())));
        }
        String contentType = request.header("Content-Type").orElse("");
        try {
            return answer(route(method, resource, contentType, body));
        } catch (IllegalArgumentException notJson) {
            return answer(error(400, "validation", "the body is not JSON: " + notJson.getMessage()));
        }
    }

    private static CompletionStage<ApiReply> answer(ApiReply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    private synchronized Optional<Fault> takeFault(String method, String resource) {
        for (Iterator<Fault> each = faults.iterator(); each.hasNext(); ) {
            Fault fault = each.next();
            if (fault.method().equals(method) && fault.path().matcher(resource).matches()) {
                each.remove();
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    private ApiReply route(String method, String resource, String contentType, String body) {
        Matcher m;
        if ("POST".equals(method) && CALLS.matcher(resource).matches()) {
            return json(contentType) ? createCall(json.readObject(body)) : unsupported();
        }
        if ((m = CALL_BXML.matcher(resource)).matches() && "PUT".equals(method)) {
            return replaceCallBxml(m.group(1), contentType, body);
        }
        if ((m = CALL.matcher(resource)).matches()) {
            if ("GET".equals(method)) {
                return getCall(m.group(1));
            }
            if ("POST".equals(method)) {
                return json(contentType) ? updateCall(m.group(1), json.readObject(body)) : unsupported();
            }
        }
        if ((m = CALL_RECORDINGS.matcher(resource)).matches() && "GET".equals(method)) {
            return listRecordings(m.group(1), m.group(2));
        }
        if ((m = RECORDING_MEDIA.matcher(resource)).matches() && "GET".equals(method)) {
            return media(m.group(2), m.group(3));
        }
        if ((m = TRANSCRIPTION.matcher(resource)).matches() && "GET".equals(method)) {
            return transcription(m.group(1), m.group(2));
        }
        if ((m = CONFERENCE_BXML.matcher(resource)).matches() && "PUT".equals(method)) {
            return replaceConferenceBxml(m.group(1), contentType, body);
        }
        if ((m = CONFERENCE.matcher(resource)).matches() && "POST".equals(method)) {
            return json(contentType) ? updateConference(m.group(1), json.readObject(body)) : unsupported();
        }
        if ((m = MEMBER.matcher(resource)).matches() && "PUT".equals(method)) {
            return json(contentType) ? updateMember(m.group(1), m.group(2), json.readObject(body)) : unsupported();
        }
        return error(405, "method-not-allowed", method + " is not allowed on " + resource);
    }

    private ApiReply createCall(Map<String, Object> request) {
        for (String required : List.of("to", "from", "applicationId", "answerUrl")) {
            if (Documents.text(request, required) == null) {
                return error(400, "validation", required + " is required");
            }
        }
        if (!E164_OR_SIP.matcher(Documents.text(request, "to")).matches()) {
            return error(400, "validation", "Invalid to: must be E.164 or a SIP URI");
        }
        String callId = "c-" + UUID.randomUUID();
        calls.put(callId, new SimulatedCall(callId, request, SimulatedCall.State.QUEUED));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("callId", callId);
        created.put("accountId", accountId);
        created.put("applicationId", Documents.text(request, "applicationId"));
        created.put("to", Documents.text(request, "to"));
        created.put("from", Documents.text(request, "from"));
        created.put("callUrl", callUrl(callId));
        created.put("enqueuedTime", Instant.now().toString());
        created.put("answerUrl", Documents.text(request, "answerUrl"));
        created.put(
                "answerMethod",
                Optional.ofNullable(Documents.text(request, "answerMethod")).orElse("POST"));
        created.put(
                "disconnectMethod",
                Optional.ofNullable(Documents.text(request, "disconnectMethod")).orElse("POST"));
        if (Documents.text(request, "tag") != null) {
            created.put("tag", Documents.text(request, "tag"));
        }
        return ApiReply.json(201, created).withHeader("Location", callUrl(callId));
    }

    private void dialNext() {
        calls.values().stream()
                .filter(call -> call.state() == SimulatedCall.State.QUEUED)
                .findFirst()
                .ifPresent(call -> {
                    call.moveTo(SimulatedCall.State.INITIATED);
                    listener.dialled(call);
                });
    }

    private ApiReply getCall(String callId) {
        SimulatedCall call = calls.get(callId);
        if (call == null) {
            return notFound("call " + callId);
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("callId", callId);
        state.put("accountId", accountId);
        state.put("state", call.state().wireName());
        state.put("direction", call.createdWith().isPresent() ? "outbound" : "inbound");
        call.createdWith().ifPresent(created -> {
            state.put("applicationId", Documents.text(created, "applicationId"));
            state.put("to", Documents.text(created, "to"));
            state.put("from", Documents.text(created, "from"));
        });
        return ApiReply.json(200, state);
    }

    private ApiReply updateCall(String callId, Map<String, Object> update) {
        SimulatedCall call = calls.get(callId);
        if (call == null) {
            return notFound("call " + callId);
        }
        if ("completed".equals(Documents.text(update, "state"))) {
            if (call.state() == SimulatedCall.State.DISCONNECTED) {
                return conflict(callId);
            }
            call.updated(update);
            call.moveTo(SimulatedCall.State.DISCONNECTED);
            listener.hungUp(call);
            return ApiReply.empty(200);
        }
        if (Documents.text(update, "redirectUrl") == null) {
            return error(400, "validation", "redirectUrl is required when state is active");
        }
        if (!call.active()) {
            return conflict(callId);
        }
        call.updated(update);
        listener.redirected(call, update);
        return ApiReply.empty(200);
    }

    private ApiReply replaceCallBxml(String callId, String contentType, String body) {
        SimulatedCall call = calls.get(callId);
        if (call == null) {
            return notFound("call " + callId);
        }
        if (!contentType.startsWith("application/xml")) {
            return unsupported();
        }
        if (!body.contains("<Bxml>") && !body.contains("<Bxml/>")) {
            return error(400, "validation", "the document's root must be <Bxml>");
        }
        if (!call.active()) {
            return conflict(callId);
        }
        call.replaced(body);
        listener.bxmlReplaced(call, body);
        return ApiReply.empty(204);
    }

    private ApiReply updateConference(String conferenceId, Map<String, Object> update) {
        List<Map<String, Object>> updates = conferenceUpdates.get(conferenceId);
        if (updates == null) {
            return notFound("conference " + conferenceId);
        }
        if (!"completed".equals(Documents.text(update, "status")) && Documents.text(update, "redirectUrl") == null) {
            return error(400, "validation", "redirectUrl is required when status is active");
        }
        updates.add(update);
        return ApiReply.empty(204);
    }

    private ApiReply replaceConferenceBxml(String conferenceId, String contentType, String body) {
        List<String> documents = conferenceBxml.get(conferenceId);
        if (documents == null) {
            return notFound("conference " + conferenceId);
        }
        if (!contentType.startsWith("application/xml")) {
            return unsupported();
        }
        documents.add(body);
        return ApiReply.empty(204);
    }

    private ApiReply updateMember(String conferenceId, String memberId, Map<String, Object> update) {
        Map<String, List<Map<String, Object>>> members = memberUpdates.get(conferenceId);
        if (members == null) {
            return notFound("conference " + conferenceId);
        }
        members.computeIfAbsent(memberId, id -> new CopyOnWriteArrayList<>()).add(update);
        return ApiReply.empty(204);
    }

    private ApiReply listRecordings(String kind, String ownerId) {
        List<Map<String, Object>> list = new ArrayList<>();
        recordings.stream().filter(r -> r.ownerId().equals(ownerId)).forEach(r -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("accountId", accountId);
            item.put("recordingId", r.recordingId());
            item.put(kind.equals("calls") ? "callId" : "conferenceId", ownerId);
            item.put("duration", "PT2.5S");
            item.put("channels", 1);
            item.put("fileFormat", r.contentType().contains("mpeg") ? "mp3" : "wav");
            item.put("status", "complete");
            item.put(
                    "mediaUrl",
                    baseUrl + "/accounts/" + accountId + "/" + kind + "/" + ownerId + "/recordings/" + r.recordingId()
                            + "/media");
            if (r.transcript() != null) {
                item.put("transcription", Map.of("status", "available"));
            }
            list.add(item);
        });
        return ApiReply.json(200, list);
    }

    private ApiReply media(String ownerId, String recordingId) {
        return recording(ownerId, recordingId)
                .map(r -> new ApiReply(200, Map.of(), null, r.contentType(), r.media()))
                .orElseGet(() -> notFound("recording " + recordingId));
    }

    private ApiReply transcription(String callId, String recordingId) {
        Optional<StoredRecording> recording = recording(callId, recordingId).filter(r -> r.transcript() != null);
        if (recording.isEmpty()) {
            return notFound("transcription of " + recordingId);
        }
        Map<String, Object> transcript = new LinkedHashMap<>();
        transcript.put("speaker", 0);
        transcript.put("text", recording.get().transcript());
        transcript.put("confidence", 0.9);
        return ApiReply.json(200, Map.of("transcripts", List.of(transcript)));
    }

    private Optional<StoredRecording> recording(String ownerId, String recordingId) {
        return recordings.stream()
                .filter(r -> r.ownerId().equals(ownerId) && r.recordingId().equals(recordingId))
                .findFirst();
    }

    private String callUrl(String callId) {
        return baseUrl + "/accounts/" + accountId + "/calls/" + callId;
    }

    private static boolean json(String contentType) {
        return contentType.startsWith("application/json");
    }

    private ApiReply notFound(String what) {
        return error(404, "not-found", "no such " + what);
    }

    private ApiReply conflict(String callId) {
        return error(409, "conflict", "call " + callId + " is not active");
    }

    private ApiReply unsupported() {
        return error(415, "unsupported-media-type", "wrong Content-Type");
    }

    private static ApiReply error(int status, String type, String description) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("description", description);
        error.put("id", "e-" + UUID.randomUUID());
        return ApiReply.json(status, error);
    }
}
