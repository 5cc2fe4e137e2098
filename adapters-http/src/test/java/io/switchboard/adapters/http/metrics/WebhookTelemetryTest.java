package io.switchboard.adapters.http.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.Route;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.adapters.http.HttpSettings;
import io.switchboard.adapters.http.VoiceWebhookRoutes;
import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.call.UnrecognizedCallEvent;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.conference.ConferenceCreated;
import io.switchboard.domain.conference.ConferenceDetails;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.FallbackPolicy;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class WebhookTelemetryTest {
    private static final ActorTestKit testKit = ActorTestKit.create();
    private static final CallDetails CALL =
            CallDetails.builder(CallId.of("c-measured")).build();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final WebhookTelemetry telemetry = new WebhookTelemetry(registry);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(WebhookTelemetry.class);

    @BeforeEach
    void captureLogLines() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void releaseLogLines() {
        logger.detachAppender(lines);
    }

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    private double webhooks(String eventType, String status) {
        var counter = registry.find("switchboard.webhooks")
                .tags("event_type", eventType, "status", status)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void everyAnsweredEventIsCountedTimedAndLoggedOnceWithItsIdTypeStatusAndLatency() {
        telemetry.onHandled(
                new GatherCompleted(CALL, "1", "#"), new EventReply(null, ReplyOrigin.FLOW), Duration.ofMillis(12));
        telemetry.onHandled(
                new GatherCompleted(CALL, "2", "#"), new EventReply(null, ReplyOrigin.FLOW), Duration.ofMillis(30));

        assertEquals(2, webhooks("gather", "200"));
        var timer = registry.find("switchboard.webhook.reply")
                .tag("event_type", "gather")
                .timer();
        assertEquals(2, timer.count());
        assertEquals(42, timer.totalTime(TimeUnit.MILLISECONDS), 0.001);
        assertEquals(2, lines.list.size());
        ILoggingEvent line = lines.list.get(0);
        assertEquals("INFO", line.getLevel().toString());
        assertEquals("webhook gather answered 200 in 12 ms (FLOW)", line.getFormattedMessage());
        assertEquals(
                Map.of(
                        "callId",
                        "c-measured",
                        "eventType",
                        "gather",
                        "status",
                        "200",
                        "latencyMs",
                        "12",
                        "origin",
                        "FLOW"),
                line.getMDCPropertyMap());
    }

    @Test
    void fallbacksAreCountedByCauseAndConferencesLoggedByTheirId() {
        ConferenceCreated created =
                new ConferenceCreated(new ConferenceDetails(ConferenceId.of("conf-measured"), "sales", null, null));
        telemetry.onHandled(created, new EventReply(null, ReplyOrigin.DEADLINE_EXCEEDED), Duration.ofSeconds(5));

        assertEquals(
                1,
                registry.find("switchboard.webhook.fallbacks")
                        .tag("cause", "DEADLINE_EXCEEDED")
                        .counter()
                        .count());
        assertEquals("conf-measured", lines.list.get(0).getMDCPropertyMap().get("conferenceId"));
    }

    @Test
    void unrecognizedTypesShareOneLabelAndAreCounted() {
        telemetry.onHandled(
                new UnrecognizedCallEvent(CALL, "aiAgentHandoff", Map.of()),
                new EventReply(null, ReplyOrigin.FLOW),
                Duration.ofMillis(1));

        assertEquals(1, webhooks(WebhookTelemetry.UNRECOGNIZED, "200"));
        assertEquals(
                1, registry.find("switchboard.webhooks.unrecognized").counter().count());
        assertEquals("aiAgentHandoff", lines.list.get(0).getMDCPropertyMap().get("eventType"), "logged as sent");
    }

    @Test
    void whatTheEdgeToleratedOrShedIsCounted() {
        telemetry.unattributedEvent("aiAgentHandoff");
        telemetry.unparsedFields("answer", Set.of("enqueuedTime", "answerTime"));
        telemetry.shed();
        telemetry.replyReplacedByFallback("gather");

        assertEquals(
                1, registry.find("switchboard.webhooks.unattributed").counter().count());
        assertEquals(
                2,
                registry.find("switchboard.webhooks.unparsed.fields").counter().count());
        assertEquals(1, registry.find("switchboard.webhooks.shed").counter().count());
        assertEquals(
                1,
                registry.find("switchboard.webhook.fallbacks")
                        .tag("cause", "UNRENDERABLE_BXML")
                        .counter()
                        .count());
    }

    @Test
    void webhooksRefusedBeforeTheyBecameEventsAreCountedAndLoggedByStatus() throws Exception {
        Route route = telemetry.observed(new VoiceWebhookRoutes(
                        event -> CompletableFuture.completedFuture(new EventReply(null, ReplyOrigin.FLOW)),
                        () -> true,
                        new FallbackPolicy(Response.builder().hangup().build()),
                        HttpSettings.of("127.0.0.1", 0))
                .route());

        assertEquals(
                400,
                send(route, HttpRequest.POST("/voice/answer").withEntity(ContentTypes.APPLICATION_JSON, "{not json"))
                        .status()
                        .intValue());
        assertEquals(200, send(route, HttpRequest.GET("/health/live")).status().intValue());
        assertEquals(404, send(route, HttpRequest.GET("/elsewhere")).status().intValue());

        assertEquals(1, webhooks(WebhookTelemetry.REFUSED, "400"));
        assertEquals(1, lines.list.size(), "one line, for the refused webhook only");
        assertEquals(
                "webhook POST /voice/answer refused 400 in "
                        + lines.list.get(0).getMDCPropertyMap().get("latencyMs") + " ms",
                lines.list.get(0).getFormattedMessage());
    }

    private static HttpResponse send(Route route, HttpRequest request) throws Exception {
        HttpResponse response = route.seal()
                .handler(testKit.system())
                .apply(request)
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        response.discardEntityBytes(testKit.system());
        return response;
    }
}
