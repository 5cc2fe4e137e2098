package io.switchboard.adapters.bandwidth.simulated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bandwidth's Voice API v2 played on a local port (127.0.0.1, a free one): the call, conference, member,
 * recording and transcription endpoints, with HTTP Basic auth, Bandwidth's status codes and its
 * {@code {type, description, id}} error documents. A created call is queued and dialled at the configured rate
 * (the {@link Listener} hears it, so a simulator can send its webhooks); an update redirects or hangs up a live
 * call and answers {@code 409} for one that is not active. Faults are injected per request: any status (with a
 * {@code Retry-After}), or no answer at all. Every request is recorded as it came.
 */
public final class SimulatedVoiceApi implements AutoCloseable {

    /** What the simulator does when the API changes a call; each method runs on the API's own threads. */
    public interface Listener {
        /** A created call left the queue: the platform dials it now. */
        default void dialled(SimulatedCall call) {}

        /** A live call was redirected: the platform asks {@code redirectUrl} for BXML now. */
        default void redirected(SimulatedCall call, JsonNode update) {}

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
    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService dialler;
    private final ObjectMapper json = new ObjectMapper();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final Map<String, SimulatedCall> calls = new ConcurrentHashMap<>();
    private final Map<String, List<JsonNode>> conferenceUpdates = new ConcurrentHashMap<>();
    private final Map<String, List<String>> conferenceBxml = new ConcurrentHashMap<>();
    private final Map<String, Map<String, List<JsonNode>>> memberUpdates = new ConcurrentHashMap<>();
    private final List<StoredRecording> recordings = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Listener listener = new Listener() {};

    private SimulatedVoiceApi(String accountId, String username, String password, double dialsPerSecond)
            throws IOException {
        this.accountId = accountId;
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.handlers = Executors.newCachedThreadPool(daemon("voice-api"));
        this.dialler = Executors.newSingleThreadScheduledExecutor(daemon("voice-api-dialler"));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
        long intervalMicros = Math.max(1, Math.round(1_000_000 / dialsPerSecond));
        dialler.scheduleAtFixedRate(this::dialNext, intervalMicros, intervalMicros, TimeUnit.MICROSECONDS);
    }

    /**
     * Starts the API for one account and its API credentials, on a free port of 127.0.0.1.
     *
     * @param dialsPerSecond how fast queued calls leave the queue, as the account's rate
     */
    public static SimulatedVoiceApi start(String accountId, String username, String password, double dialsPerSecond) {
        try {
            return new SimulatedVoiceApi(accountId, username, password, dialsPerSecond);
        } catch (IOException bindFailed) {
            throw new IllegalStateException("could not start the simulated Voice API", bindFailed);
        }
    }

    /** The base URL the adapter is configured with: {@code http://127.0.0.1:<port>/api/v2}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2");
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

    public List<JsonNode> conferenceUpdates(String conferenceId) {
        return List.copyOf(conferenceUpdates.getOrDefault(conferenceId, List.of()));
    }

    public List<String> conferenceBxml(String conferenceId) {
        return List.copyOf(conferenceBxml.getOrDefault(conferenceId, List.of()));
    }

    public List<JsonNode> memberUpdates(String conferenceId, String memberId) {
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
        closing.countDown();
        dialler.shutdownNow();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new RecordedRequest(method, path, headers, body, Instant.now()));
            Reply reply = reply(method, path, exchange, body);
            if (reply == null) {
                // A stalled request: no answer until the API closes.
                closing.await(60, TimeUnit.SECONDS);
                return;
            }
            reply.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            if (reply.body() == null) {
                exchange.sendResponseHeaders(reply.status(), -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", reply.contentType());
                exchange.sendResponseHeaders(reply.status(), reply.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
        }
    }

    private record Reply(int status, Map<String, String> headers, String contentType, byte[] body) {
        static Reply empty(int status) {
            return new Reply(status, Map.of(), null, null);
        }
    }

    private Reply reply(String method, String path, HttpExchange exchange, String body) {
        Matcher account = ACCOUNT_PATH.matcher(path);
        if (!account.matches()) {
            return error(404, "not-found", "no such resource: " + path);
        }
        if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return error(401, "authentication-error", "the API credentials are missing or wrong");
        }
        if (!accountId.equals(account.group(1))) {
            return error(403, "forbidden", "these credentials may not use account " + account.group(1));
        }
        String resource = account.group(2);
        Optional<Fault> fault = takeFault(method, resource);
        if (fault.isPresent()) {
            if (fault.get().stall()) {
                return null;
            }
            Reply injected = error(fault.get().status(), "injected", "fault injected by the simulator");
            Duration retryAfter = fault.get().retryAfter();
            return retryAfter == null
                    ? injected
                    : new Reply(
                            injected.status(),
                            Map.of("Retry-After", Long.toString(retryAfter.toSeconds())),
                            injected.contentType(),
                            injected.body());
        }
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"))
                .orElse("");
        try {
            return route(method, resource, contentType, body);
        } catch (IOException notJson) {
            return error(400, "validation", "the body is not JSON: " + notJson.getMessage());
        }
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

    private Reply route(String method, String resource, String contentType, String body) throws IOException {
        Matcher m;
        if ("POST".equals(method) && CALLS.matcher(resource).matches()) {
            return json(contentType) ? createCall(body) : unsupported();
        }
        if ((m = CALL_BXML.matcher(resource)).matches() && "PUT".equals(method)) {
            return replaceCallBxml(m.group(1), contentType, body);
        }
        if ((m = CALL.matcher(resource)).matches()) {
            if ("GET".equals(method)) {
                return getCall(m.group(1));
            }
            if ("POST".equals(method)) {
                return json(contentType) ? updateCall(m.group(1), body) : unsupported();
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
            return json(contentType) ? updateConference(m.group(1), body) : unsupported();
        }
        if ((m = MEMBER.matcher(resource)).matches() && "PUT".equals(method)) {
            return json(contentType) ? updateMember(m.group(1), m.group(2), body) : unsupported();
        }
        return error(405, "method-not-allowed", method + " is not allowed on " + resource);
    }

    private Reply createCall(String body) throws IOException {
        JsonNode request = json.readTree(body);
        for (String required : List.of("to", "from", "applicationId", "answerUrl")) {
            if (!request.hasNonNull(required)) {
                return error(400, "validation", required + " is required");
            }
        }
        if (!E164_OR_SIP.matcher(request.get("to").asText()).matches()) {
            return error(400, "validation", "Invalid to: must be E.164 or a SIP URI");
        }
        String callId = "c-" + UUID.randomUUID();
        calls.put(callId, new SimulatedCall(callId, request, SimulatedCall.State.QUEUED));
        ObjectNode created = json.createObjectNode()
                .put("callId", callId)
                .put("accountId", accountId)
                .put("applicationId", request.get("applicationId").asText())
                .put("to", request.get("to").asText())
                .put("from", request.get("from").asText())
                .put("callUrl", callUrl(callId))
                .put("enqueuedTime", Instant.now().toString())
                .put("answerUrl", request.get("answerUrl").asText())
                .put("answerMethod", request.path("answerMethod").asText("POST"))
                .put("disconnectMethod", request.path("disconnectMethod").asText("POST"));
        if (request.hasNonNull("tag")) {
            created.put("tag", request.get("tag").asText());
        }
        return new Reply(201, Map.of("Location", callUrl(callId)), "application/json", bytes(created));
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

    private Reply getCall(String callId) {
        SimulatedCall call = calls.get(callId);
        if (call == null) {
            return notFound("call " + callId);
        }
        ObjectNode state = json.createObjectNode()
                .put("callId", callId)
                .put("accountId", accountId)
                .put("state", call.state().wireName())
                .put("direction", call.createdWith().isPresent() ? "outbound" : "inbound");
        call.createdWith()
                .ifPresent(created -> state.put(
                                "applicationId", created.path("applicationId").asText())
                        .put("to", created.path("to").asText())
                        .put("from", created.path("from").asText()));
        return ok(state);
    }

    private Reply updateCall(String callId, String body) throws IOException {
        SimulatedCall call = calls.get(callId);
        if (call == null) {
            return notFound("call " + callId);
        }
        JsonNode update = json.readTree(body);
        boolean hangUp = "completed".equals(update.path("state").asText(null));
        if (hangUp) {
            if (call.state() == SimulatedCall.State.DISCONNECTED) {
                return conflict(callId);
            }
            call.updated(update);
            call.moveTo(SimulatedCall.State.DISCONNECTED);
            listener.hungUp(call);
            return Reply.empty(200);
        }
        if (!update.hasNonNull("redirectUrl")) {
            return error(400, "validation", "redirectUrl is required when state is active");
        }
        if (!call.active()) {
            return conflict(callId);
        }
        call.updated(update);
        listener.redirected(call, update);
        return Reply.empty(200);
    }

    private Reply replaceCallBxml(String callId, String contentType, String body) {
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
        return Reply.empty(204);
    }

    private Reply updateConference(String conferenceId, String body) throws IOException {
        List<JsonNode> updates = conferenceUpdates.get(conferenceId);
        if (updates == null) {
            return notFound("conference " + conferenceId);
        }
        JsonNode update = json.readTree(body);
        if (!"completed".equals(update.path("status").asText(null)) && !update.hasNonNull("redirectUrl")) {
            return error(400, "validation", "redirectUrl is required when status is active");
        }
        updates.add(update);
        return Reply.empty(204);
    }

    private Reply replaceConferenceBxml(String conferenceId, String contentType, String body) {
        List<String> documents = conferenceBxml.get(conferenceId);
        if (documents == null) {
            return notFound("conference " + conferenceId);
        }
        if (!contentType.startsWith("application/xml")) {
            return unsupported();
        }
        documents.add(body);
        return Reply.empty(204);
    }

    private Reply updateMember(String conferenceId, String memberId, String body) throws IOException {
        Map<String, List<JsonNode>> members = memberUpdates.get(conferenceId);
        if (members == null) {
            return notFound("conference " + conferenceId);
        }
        members.computeIfAbsent(memberId, id -> new CopyOnWriteArrayList<>()).add(json.readTree(body));
        return Reply.empty(204);
    }

    private Reply listRecordings(String kind, String ownerId) {
        ArrayNode list = json.createArrayNode();
        recordings.stream().filter(r -> r.ownerId().equals(ownerId)).forEach(r -> {
            ObjectNode item = list.addObject()
                    .put("accountId", accountId)
                    .put("recordingId", r.recordingId())
                    .put(kind.equals("calls") ? "callId" : "conferenceId", ownerId)
                    .put("duration", "PT2.5S")
                    .put("channels", 1)
                    .put("fileFormat", r.contentType().contains("mpeg") ? "mp3" : "wav")
                    .put("status", "complete")
                    .put(
                            "mediaUrl",
                            baseUrl() + "/accounts/" + accountId + "/" + kind + "/" + ownerId + "/recordings/"
                                    + r.recordingId() + "/media");
            if (r.transcript() != null) {
                item.putObject("transcription").put("status", "available");
            }
        });
        return ok(list);
    }

    private Reply media(String ownerId, String recordingId) {
        return recording(ownerId, recordingId)
                .map(r -> new Reply(200, Map.of(), r.contentType(), r.media()))
                .orElseGet(() -> notFound("recording " + recordingId));
    }

    private Reply transcription(String callId, String recordingId) {
        Optional<StoredRecording> recording = recording(callId, recordingId).filter(r -> r.transcript() != null);
        if (recording.isEmpty()) {
            return notFound("transcription of " + recordingId);
        }
        ObjectNode document = json.createObjectNode();
        document.putArray("transcripts")
                .addObject()
                .put("speaker", 0)
                .put("text", recording.get().transcript())
                .put("confidence", 0.9);
        return ok(document);
    }

    private Optional<StoredRecording> recording(String ownerId, String recordingId) {
        return recordings.stream()
                .filter(r -> r.ownerId().equals(ownerId) && r.recordingId().equals(recordingId))
                .findFirst();
    }

    private String callUrl(String callId) {
        return baseUrl() + "/accounts/" + accountId + "/calls/" + callId;
    }

    private static boolean json(String contentType) {
        return contentType.startsWith("application/json");
    }

    private Reply ok(JsonNode document) {
        return new Reply(200, Map.of(), "application/json", bytes(document));
    }

    private Reply notFound(String what) {
        return error(404, "not-found", "no such " + what);
    }

    private Reply conflict(String callId) {
        return error(409, "conflict", "call " + callId + " is not active");
    }

    private Reply unsupported() {
        return error(415, "unsupported-media-type", "wrong Content-Type");
    }

    private Reply error(int status, String type, String description) {
        ObjectNode error = json.createObjectNode()
                .put("type", type)
                .put("description", description)
                .put("id", "e-" + UUID.randomUUID());
        return new Reply(status, Map.of(), "application/json", bytes(error));
    }

    private byte[] bytes(JsonNode document) {
        return document.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
