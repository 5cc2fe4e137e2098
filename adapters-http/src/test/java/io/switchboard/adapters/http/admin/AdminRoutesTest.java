package io.switchboard.adapters.http.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.Done;
import akka.NotUsed;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.model.HttpHeader;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.headers.Authorization;
import akka.http.javadsl.model.headers.HttpCredentials;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.http.WebhookCredentials;
import io.switchboard.adapters.http.json.WebhookObjectMapper;
import io.switchboard.adapters.http.metrics.ReplyHistory;
import io.switchboard.application.port.in.ActivityFilter;
import io.switchboard.application.port.in.ActivityPage;
import io.switchboard.application.port.in.ActivityQuery;
import io.switchboard.application.port.in.ActivitySummary;
import io.switchboard.application.port.in.ClusterShape;
import io.switchboard.application.port.in.ClusterShapeQuery;
import io.switchboard.application.port.in.EntityCounts;
import io.switchboard.application.port.in.EntityQuery;
import io.switchboard.application.port.in.HandledEvent;
import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.conference.ConferenceCreated;
import io.switchboard.domain.conference.ConferenceDetails;
import io.switchboard.domain.conference.ConferenceMember;
import io.switchboard.domain.conference.ConferenceMemberJoined;
import io.switchboard.domain.conference.ConferenceState;
import io.switchboard.domain.control.CreateCall;
import io.switchboard.domain.control.IssuedRequest;
import io.switchboard.domain.control.RequestOutcome;
import io.switchboard.domain.control.UpdateCall;
import io.switchboard.domain.entity.EntityInspection;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.TimelineEntry;
import io.switchboard.domain.flow.FlowData;
import io.switchboard.domain.verb.Credentials;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Response;
import io.switchboard.testkit.flow.CallUnderTest;
import io.switchboard.testkit.flow.FlowTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AdminRoutesTest {
    private static final ActorTestKit testKit = ActorTestKit.create();
    private static final WebhookCredentials ADMIN = new WebhookCredentials("operator", "adm1n-Secret");
    private static final BxmlWriter bxml = new BxmlWriter();
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final CallId CALL = CallId.of("c-admin-1");

    private final Map<String, EntityInspection> calls = new java.util.HashMap<>();
    private final Map<String, EntityInspection> conferences = new java.util.HashMap<>();
    private CompletionStage<ClusterShape> shape = CompletableFuture.completedFuture(new ClusterShape(
            "akka://switchboard@10.0.0.1:25520",
            "akka://switchboard@10.0.0.1:25520",
            List.of(
                    new ClusterShape.Node(
                            "akka://switchboard@10.0.0.1:25520",
                            "Up",
                            Set.of("dc-default"),
                            true,
                            Map.of("Call", 12, "Conference", 1),
                            Map.of("Call", 40, "Conference", 2)),
                    new ClusterShape.Node(
                            "akka://switchboard@10.0.0.2:25520",
                            "Leaving",
                            Set.of("dc-default"),
                            false,
                            Map.of(),
                            Map.of()))));

    private final EntityQuery entities = new EntityQuery() {
        @Override
        public CompletionStage<Optional<EntityInspection>> call(CallId callId) {
            if (callId.value().equals("c-slow")) {
                return CompletableFuture.failedFuture(new TimeoutException("Ask timed out after [5000 ms]"));
            }
            return CompletableFuture.completedFuture(Optional.ofNullable(calls.get(callId.value())));
        }

        @Override
        public CompletionStage<Optional<EntityInspection>> conference(ConferenceId conferenceId) {
            return CompletableFuture.completedFuture(Optional.ofNullable(conferences.get(conferenceId.value())));
        }
    };

    private final ClusterShapeQuery cluster = new ClusterShapeQuery() {
        @Override
        public CompletionStage<ClusterShape> clusterShape() {
            return shape;
        }

        @Override
        public CompletionStage<EntityCounts> localEntities() {
            throw new UnsupportedOperationException("metrics only");
        }

        @Override
        public Map<String, Integer> membersByStatus() {
            throw new UnsupportedOperationException("metrics only");
        }

        @Override
        public int unreachableMembers() {
            throw new UnsupportedOperationException("metrics only");
        }
    };

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    private final List<ActivityFilter> activityAsked = new java.util.ArrayList<>();
    private final List<ActivitySummary> recentCalls = new java.util.ArrayList<>();
    private Source<HandledEvent, NotUsed> liveEvents = Source.empty();
    private WebhookCredentials currentAdmin = ADMIN;

    private final ActivityQuery activity = new ActivityQuery() {
        @Override
        public CompletionStage<ActivityPage> recent(ActivityFilter filter) {
            activityAsked.add(filter);
            List<ActivitySummary> matching =
                    recentCalls.stream().filter(filter::matches).toList();
            return CompletableFuture.completedFuture(
                    new ActivityPage(matching, filter.offset(), filter.limit(), false, 1, List.of()));
        }

        @Override
        public Source<HandledEvent, NotUsed> live(int bufferSize) {
            return liveEvents;
        }
    };

    private AdminRoutes routes() {
        return new AdminRoutes(
                new AdminQueries(
                        entities, cluster, activity, new ReplyHistory(Clock.systemUTC(), Duration.ofMinutes(1), 60)),
                () -> currentAdmin,
                new AdminSettings(Duration.ofMillis(100), 8),
                bxml,
                WebhookObjectMapper.create());
    }

    private record Exchange(
            int status, String contentType, String body, Optional<String> challenge, HttpResponse response) {
        String header(String name) {
            return response.getHeader(name).map(HttpHeader::value).orElse(null);
        }

        JsonNode json() throws Exception {
            return WebhookObjectMapper.create().readTree(body);
        }
    }

    private Exchange get(String path, WebhookCredentials credentials) throws Exception {
        HttpRequest request = HttpRequest.GET(path);
        if (credentials != null) {
            request = request.addHeader(Authorization.create(
                    HttpCredentials.createBasicHttpCredentials(credentials.username(), credentials.password())));
        }
        HttpResponse response = routes().route()
                .seal()
                .handler(testKit.system())
                .apply(request)
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        String body = response.entity()
                .toStrict(5_000, testKit.system())
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS)
                .getData()
                .utf8String();
        return new Exchange(
                response.status().intValue(),
                response.entity().getContentType().toString(),
                body,
                response.getHeader("WWW-Authenticate").map(header -> header.value()),
                response);
    }

    private static GatherCompleted gather(String digits, int second) {
        return new GatherCompleted(
                CallDetails.builder(CALL)
                        .eventTime(T0.plusSeconds(second))
                        .parties("+15552223333", "+15553334444", Direction.INBOUND)
                        .build(),
                digits,
                "#");
    }

    @Test
    void aCallShowsItsFlowDataAndTheEventThatSetIt() throws Exception {
        GatherCompleted first = gather("1234", 1);
        GatherCompleted second = gather("", 2);
        FlowData attempts = new FlowData("{\"attempts\":1,\"account\":\"A-17\"}");
        EventReply again =
                new EventReply(Response.builder().speakSentence("Try again").build(), ReplyOrigin.FLOW);
        calls.put(
                CALL.value(),
                new EntityInspection(
                        CallState.initial(CALL).apply(first).apply(second),
                        List.of(
                                new TimelineEntry(first, T0.plusSeconds(1), again, List.of(), attempts),
                                new TimelineEntry(second, T0.plusSeconds(9), again)),
                        attempts));

        Exchange exchange = get("/admin/calls/" + CALL, ADMIN);

        assertEquals(200, exchange.status());
        assertEquals(1, exchange.json().at("/flowData/attempts").asInt());
        assertEquals("A-17", exchange.json().at("/flowData/account").asText());
        assertEquals("A-17", exchange.json().at("/timeline/0/flowData/account").asText());
        assertTrue(exchange.json().at("/timeline/1/flowData").isNull(), "the second event set none");
    }

    @Test
    void aCallShowsTheRequestsItsFlowMadeWithTheirOutcomesButNoPassword() throws Exception {
        GatherCompleted pressed = gather("9", 1);
        CreateCall agent = CreateCall.builder("+15557778888", "+15553334444")
                .answerUrl("https://ivr.example.com/agent")
                .credentials(Credentials.of("hook", "hook-s3cret"))
                .build();
        calls.put(
                CALL.value(),
                new EntityInspection(
                        CallState.initial(CALL).apply(pressed),
                        List.of(new TimelineEntry(
                                pressed,
                                T0.plusSeconds(1),
                                new EventReply(
                                        Response.builder()
                                                .speakSentence("Connecting")
                                                .build(),
                                        ReplyOrigin.FLOW),
                                List.of(
                                        new IssuedRequest(
                                                "r-1",
                                                agent,
                                                new RequestOutcome(
                                                        RequestOutcome.Status.SUCCEEDED, "c-agent", T0.plusSeconds(2))),
                                        new IssuedRequest("r-2", UpdateCall.hangUp(CALL), null))))));

        Exchange exchange = get("/admin/calls/" + CALL, ADMIN);

        JsonNode requests = exchange.json().at("/timeline/0/requests");
        assertEquals(200, exchange.status());
        assertEquals("createCall", requests.at("/0/operation").asText());
        assertEquals("SUCCEEDED", requests.at("/0/status").asText());
        assertEquals("c-agent", requests.at("/0/detail").asText());
        assertEquals("hook", requests.at("/0/request/credentials/username").asText());
        assertTrue(requests.at("/1/status").isNull(), "on its way");
        assertTrue(!exchange.body().contains("hook-s3cret"), exchange.body());
    }

    @Test
    void aCallShowsItsStateAndEachEventWithWhenItCameItsReplyAndItsOrigin() throws Exception {
        GatherCompleted first = gather("1", 1);
        GatherCompleted second = gather("2", 2);
        Response menu = Response.builder().speakSentence("You pressed 1").build();
        Instant received = Instant.parse("2026-11-25T10:00:01.250Z");
        calls.put(
                CALL.value(),
                new EntityInspection(
                        CallState.initial(CALL).apply(first).apply(second),
                        List.of(
                                new TimelineEntry(first, received, new EventReply(menu, ReplyOrigin.FLOW)),
                                new TimelineEntry(
                                        first, received.plusSeconds(3), new EventReply(menu, ReplyOrigin.REDELIVERY)),
                                new TimelineEntry(
                                        second,
                                        received.plusSeconds(5),
                                        new EventReply(Response.empty(), ReplyOrigin.FLOW_TIMED_OUT)),
                                TimelineEntry.pending(gather("3", 3), received.plusSeconds(6)))));

        Exchange exchange = get("/admin/calls/c-admin-1", ADMIN);

        assertEquals(200, exchange.status(), exchange.body());
        assertEquals("application/json", exchange.contentType());
        JsonNode call = exchange.json();
        assertEquals("c-admin-1", call.path("id").asText());
        assertEquals("c-admin-1", call.path("state").path("callId").asText(), "ids as plain text");
        assertEquals("[\"1\",\"2\"]", call.path("state").path("gatheredDigits").toString());
        JsonNode timeline = call.path("timeline");
        assertEquals(4, timeline.size());
        assertEquals(
                "2026-11-25T10:00:01.250Z", timeline.get(0).path("receivedAt").asText());
        assertEquals("gather", timeline.get(0).path("eventType").asText());
        assertEquals("2026-11-25T10:00:01Z", timeline.get(0).path("eventTime").asText());
        assertEquals("FLOW", timeline.get(0).path("origin").asText());
        assertEquals(bxml.write(menu), timeline.get(0).path("reply").asText());
        assertEquals("1", timeline.get(0).path("event").path("digits").asText());
        assertEquals("REDELIVERY", timeline.get(1).path("origin").asText());
        assertEquals("FLOW_TIMED_OUT", timeline.get(2).path("origin").asText());
        assertTrue(timeline.get(2).path("fallback").asBoolean());
        assertTrue(timeline.get(3).path("origin").isNull(), "pending: " + timeline.get(3));
        assertTrue(timeline.get(3).path("reply").isNull());
    }

    @Test
    void aConferenceShowsItsMembersAndHistory() throws Exception {
        ConferenceId id = ConferenceId.of("conf-admin");
        ConferenceDetails details = new ConferenceDetails(id, "sales", null, T0);
        ConferenceCreated created = new ConferenceCreated(details);
        ConferenceMemberJoined joined =
                new ConferenceMemberJoined(details, new ConferenceMember(CALL, "+15552223333", "+15553334444"));
        conferences.put(
                id.value(),
                new EntityInspection(
                        ConferenceState.initial(id).apply(created).apply(joined),
                        List.of(
                                new TimelineEntry(created, T0, new EventReply(null, ReplyOrigin.FLOW)),
                                new TimelineEntry(joined, T0.plusSeconds(1), new EventReply(null, ReplyOrigin.FLOW)))));

        JsonNode conference = get("/admin/conferences/conf-admin", ADMIN).json();

        assertEquals(
                "c-admin-1",
                conference.path("state").path("members").get(0).path("callId").asText());
        assertEquals(1, conference.path("state").path("joinCount").asInt());
        assertEquals(
                "conferenceMemberJoin",
                conference.path("timeline").get(1).path("eventType").asText());
        assertTrue(conference.path("timeline").get(1).path("reply").isNull(), "an empty reply has no BXML");
    }

    @Test
    void theClusterShowsMembersWithStatusRolesShardsAndEntities() throws Exception {
        JsonNode shape = get("/admin/cluster", ADMIN).json();

        assertEquals("akka://switchboard@10.0.0.1:25520", shape.path("leader").asText());
        JsonNode first = shape.path("nodes").get(0);
        assertEquals("Up", first.path("status").asText());
        assertEquals("[\"dc-default\"]", first.path("roles").toString());
        assertEquals(12, first.path("shards").path("Call").asInt());
        assertEquals(40, first.path("entities").path("Call").asInt());
        assertEquals(2, first.path("entities").path("Conference").asInt());
        assertEquals(false, shape.path("nodes").get(1).path("reachable").asBoolean());
    }

    @Test
    void anUnknownCallIsA404Problem() throws Exception {
        Exchange exchange = get("/admin/calls/c-nobody", ADMIN);
        assertEquals(404, exchange.status());
        assertEquals("application/problem+json", exchange.contentType());
        assertTrue(exchange.json().path("detail").asText().contains("c-nobody"), exchange.body());
    }

    @Test
    void aMalformedIdIsA400ProblemNamingTheField() throws Exception {
        Exchange exchange = get("/admin/calls/" + "x".repeat(300), ADMIN);
        assertEquals(400, exchange.status());
        assertEquals("callId", exchange.json().path("field").asText());
    }

    @Test
    void aQueryTheClusterDoesNotAnswerInTimeIsA503ToRetry() throws Exception {
        Exchange call = get("/admin/calls/c-slow", ADMIN);
        assertEquals(503, call.status());
        shape = CompletableFuture.failedFuture(
                new java.util.concurrent.CompletionException(new TimeoutException("Ask timed out")));
        assertEquals(503, get("/admin/cluster", ADMIN).status());
    }

    @Test
    void withoutTheAdminCredentialsItIsA401Challenge() throws Exception {
        Exchange anonymous = get("/admin/cluster", null);
        assertEquals(401, anonymous.status());
        assertEquals(
                "Basic realm=\"switchboard-admin\",charset=UTF-8",
                anonymous.challenge().orElseThrow());
        assertEquals(
                401,
                get("/admin/cluster", new WebhookCredentials("operator", "wrong"))
                        .status());
        assertEquals(
                401,
                get("/admin/cluster", new WebhookCredentials("bandwidth", "adm1n-Secret"))
                        .status());
    }

    private static HandledEvent handled(String callId, String tag, boolean fallback, String node) {
        return new HandledEvent(
                HandledEvent.EntityKind.CALL,
                callId,
                "gather",
                T0,
                T0.plusSeconds(1),
                node,
                7,
                fallback ? "FLOW_TIMED_OUT" : "FLOW",
                fallback,
                "+15552223333",
                "+15553334444",
                tag,
                false);
    }

    @Test
    void recentCallsAreListedWithTheFilterTheQuerySays() throws Exception {
        recentCalls.add(ActivitySummary.first(handled("c-listed", "<script>alert(1)</script>", true, "node-2")));

        Exchange exchange = get(
                "/admin/calls?status=live&number=2223&tag=script&fallback=true&since=2026-11-25T09:00:00Z"
                        + "&id=listed&offset=0&limit=10",
                ADMIN);

        assertEquals(200, exchange.status(), exchange.body());
        JsonNode item = exchange.json().path("items").get(0);
        assertEquals("c-listed", item.path("id").asText());
        assertEquals("<script>alert(1)</script>", item.path("tag").asText(), "data, as sent; the console escapes it");
        assertEquals(1, item.path("fallbacks").asInt());
        ActivityFilter asked = activityAsked.get(0);
        assertEquals(HandledEvent.EntityKind.CALL, asked.kind());
        assertEquals("2223", asked.number());
        assertEquals(Boolean.TRUE, asked.fallback());
        assertEquals(Instant.parse("2026-11-25T09:00:00Z"), asked.since());
        assertEquals(10, asked.limit());
    }

    @Test
    void aBadListParameterIsA400ProblemNamingIt() throws Exception {
        for (var bad : Map.of(
                        "fallback=maybe", "fallback",
                        "since=yesterday", "since",
                        "limit=5000", "limit",
                        "status=ringing", "status",
                        "offset=-1", "offset")
                .entrySet()) {
            Exchange exchange = get("/admin/calls?" + bad.getKey(), ADMIN);
            assertEquals(400, exchange.status(), bad.getKey());
            assertEquals("application/problem+json", exchange.contentType());
            assertEquals(bad.getValue(), exchange.json().path("field").asText(), exchange.body());
        }
    }

    @Test
    void aCallCarriesTheNodesThatAnsweredItsEvents() throws Exception {
        GatherCompleted first = gather("1", 1);
        calls.put(
                CALL.value(),
                new EntityInspection(
                        CallState.initial(CALL).apply(first),
                        List.of(new TimelineEntry(
                                first,
                                T0,
                                new EventReply(Response.builder().hangup().build(), ReplyOrigin.FLOW)))));
        recentCalls.add(ActivitySummary.first(handled(CALL.value(), null, false, "akka://switchboard@10.0.0.2:25520")));

        JsonNode handled = get("/admin/calls/c-admin-1", ADMIN).json().path("handled");

        assertEquals(1, handled.size());
        assertEquals(
                "akka://switchboard@10.0.0.2:25520", handled.get(0).path("node").asText());
        assertEquals(7, handled.get(0).path("latencyMillis").asInt());
    }

    @Test
    void everyAdminResponseForbidsFramingSniffingAndForeignScripts() throws Exception {
        for (String path : List.of("/admin/", "/admin/cluster", "/admin/calls/c-nobody", "/admin/console/console.js")) {
            Exchange exchange = get(path, ADMIN);
            assertEquals(AdminRoutes.CONTENT_SECURITY_POLICY, exchange.header("Content-Security-Policy"), path);
            assertEquals("nosniff", exchange.header("X-Content-Type-Options"), path);
            assertEquals("DENY", exchange.header("X-Frame-Options"), path);
        }
        assertEquals("DENY", get("/admin/", null).header("X-Frame-Options"), "the challenge too");
    }

    @Test
    void theConsoleIsServedFromTheJarBehindTheCredentials() throws Exception {
        Exchange page = get("/admin/", ADMIN);
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("<script src=\"console/console.js\" defer></script>"), page.body());
        assertTrue(!page.body().contains("<style") && !page.body().contains("onclick"), "nothing inline");
        Exchange script = get("/admin/console/console.js", ADMIN);
        assertEquals(200, script.status());
        assertTrue(script.contentType().contains("javascript"), script.contentType());
        assertTrue(!script.body().contains("innerHTML"), "the console never writes markup from data");
        assertEquals(401, get("/admin/", null).status());
        assertEquals(404, get("/admin/console/missing.js", ADMIN).status());
        assertEquals(308, get("/admin", ADMIN).status());
    }

    @Test
    void theLiveStreamCarriesHandledEventsAsServerSentEvents() throws Exception {
        liveEvents = Source.from(List.of(handled("c-live-1", "t", false, "n1"), handled("c-live-2", "t", true, "n2")));

        Exchange stream = get("/admin/events", ADMIN);

        assertEquals(200, stream.status());
        assertEquals("text/event-stream", stream.contentType());
        assertTrue(
                stream.body().contains("data:{\"kind\":\"CALL\"")
                        && stream.body().contains("event:handled\n"),
                stream.body());
        assertTrue(stream.body().contains("\"entityId\":\"c-live-2\""), stream.body());
    }

    @Test
    void theLiveStreamEndsOnceItsCredentialsNoLongerMatch() throws Exception {
        liveEvents = Source.<HandledEvent>never();
        HttpResponse response = routes().route()
                .seal()
                .handler(testKit.system())
                .apply(HttpRequest.GET("/admin/events")
                        .addHeader(Authorization.create(
                                HttpCredentials.createBasicHttpCredentials(ADMIN.username(), ADMIN.password()))))
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        assertEquals(200, response.status().intValue());
        CompletionStage<Done> ended = response.entity().getDataBytes().runWith(Sink.ignore(), testKit.system());
        // Heartbeats flow while the credentials hold.
        assertThrows(TimeoutException.class, () -> ended.toCompletableFuture().get(500, TimeUnit.MILLISECONDS));

        currentAdmin = new WebhookCredentials("operator", "rotated-Secret");

        ended.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private void recordedCall() {
        CallInitiated initiated = new CallInitiated(CallDetails.builder(CALL)
                .eventTime(T0)
                .account("9900000", "04e88489-df02-4e34-a0ee-27a91849555f")
                .parties("+15552223333", "+15553334444", Direction.INBOUND)
                .build());
        GatherCompleted pressed = gather("1", 1);
        Response menu = Response.builder()
                .add(Gather.builder()
                        .maxDigits(1)
                        .speakSentence("Press 1 to reach +15553334444.")
                        .build())
                .build();
        Response transfer = Response.builder()
                .speakSentence("Transferring you, caller +15552223333.")
                .hangup()
                .build();
        calls.put(
                CALL.value(),
                new EntityInspection(
                        CallState.initial(CALL).apply(initiated).apply(pressed),
                        List.of(
                                new TimelineEntry(initiated, T0, new EventReply(menu, ReplyOrigin.FLOW)),
                                new TimelineEntry(
                                        pressed, T0.plusSeconds(2), new EventReply(transfer, ReplyOrigin.FLOW)),
                                new TimelineEntry(
                                        pressed,
                                        T0.plusSeconds(3),
                                        new EventReply(transfer, ReplyOrigin.REDELIVERY)))));
    }

    @Test
    void aCallExportsAsAReplayFileWithItsNumbersMaskedAlike() throws Exception {
        recordedCall();

        Exchange exchange = get("/admin/calls/c-admin-1/export?format=replay&mask=true", ADMIN);

        assertEquals(200, exchange.status(), exchange.body());
        assertEquals("attachment; filename=\"c-admin-1.replay.json\"", exchange.header("Content-Disposition"));
        assertTrue(!exchange.body().contains("2223333") && !exchange.body().contains("3334444"), exchange.body());
        JsonNode replay = exchange.json();
        assertEquals("switchboard-replay/1", replay.path("format").asText());
        JsonNode events = replay.path("events");
        assertEquals(2, events.size(), "the redelivery is left out: " + exchange.body());
        JsonNode initiate = events.get(0);
        assertEquals("initiate", initiate.path("payload").path("eventType").asText());
        assertEquals("c-admin-1", initiate.path("payload").path("callId").asText());
        String caller = initiate.path("payload").path("from").asText();
        String called = initiate.path("payload").path("to").asText();
        assertEquals("+15550100001", caller);
        assertEquals("+15550100002", called);
        assertEquals("9900000", initiate.path("payload").path("accountId").asText(), "ids are no numbers to mask");
        assertTrue(initiate.path("reply").asText().contains("Press 1 to reach " + called), initiate.toString());
        assertEquals("1", events.get(1).path("payload").path("digits").asText());
        assertTrue(
                events.get(1).path("reply").asText().contains("caller " + caller),
                events.get(1).toString());

        JsonNode unmasked = get("/admin/calls/c-admin-1/export", ADMIN).json();
        assertEquals(
                "+15552223333",
                unmasked.path("events").get(0).path("payload").path("from").asText());
    }

    @Test
    void aCallExportsAsAFlowTestSnippetThatPlaysTheCallersSide() throws Exception {
        recordedCall();

        Exchange exchange = get("/admin/calls/c-admin-1/export?format=flowtest&mask=true", ADMIN);

        assertEquals(200, exchange.status(), exchange.body());
        assertTrue(exchange.contentType().startsWith("text/plain"), exchange.contentType());
        String java = exchange.body();
        assertTrue(java.contains("import " + FlowTest.class.getName() + ";"), java);
        assertTrue(java.contains("import " + CallUnderTest.class.getName() + ";"), java);
        assertTrue(
                java.contains("FlowTest.of(new YourFlow()).placeInboundCall(\"+15550100001\", \"+15550100002\");"),
                java);
        assertTrue(
                java.contains("call.expectSpeaks(\"Press 1 to reach +15550100002.\");\n    call.expectGather();"),
                java);
        assertTrue(
                java.contains("call.press(\"1\");\n    call.expectSpeaks(\"Transferring you, caller +15550100001.\");"),
                java);
        assertTrue(java.contains("call.expectHangup();\n    call.assertNoViolations();"), java);
        assertEquals(400, get("/admin/calls/c-admin-1/export?format=pdf", ADMIN).status());
        assertEquals(
                "mask",
                get("/admin/calls/c-admin-1/export?mask=yes", ADMIN)
                        .json()
                        .path("field")
                        .asText());
        assertEquals(404, get("/admin/calls/c-nobody/export", ADMIN).status());
    }

    @Test
    void otherMethodsAndPathsUnderAdminAreProblems() throws Exception {
        assertEquals(404, get("/admin/everything", ADMIN).status());
        assertEquals("application/problem+json", get("/admin/everything", ADMIN).contentType());
    }
}
