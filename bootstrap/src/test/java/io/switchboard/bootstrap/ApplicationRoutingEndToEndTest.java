package io.switchboard.bootstrap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import io.switchboard.adapters.bxml.BxmlReader;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.verb.Hangup;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.SpeakSentence;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One service serving two Bandwidth applications, configured as an operator would (one in application.conf's
 * {@code switchboard.applications}, one as SWITCHBOARD_APPLICATIONS lists it), driven over HTTP: each
 * application's calls reach its own flow, any other's the default flow, and the metrics count them per application.
 */
class ApplicationRoutingEndToEndTest {
    private static final String SALES = "0a1b2c3d-sales";
    private static final String SUPPORT = "0a1b2c3d-support";

    /** Says its name (from its settings) and the application of the call, then hangs up. */
    public static class NamedFlow implements CallFlow {
        private final String name;

        public NamedFlow(Config settings) {
            this(settings.getString("name"));
        }

        NamedFlow(String name) {
            this.name = name;
        }

        @Override
        public Reply onInitiate(CallInitiated event, CallState call) {
            return Response.of(SpeakSentence.of(name + " answers " + call.applicationId()), Hangup.of());
        }
    }

    /** A flow without settings. */
    public static final class SupportFlow extends NamedFlow {
        public SupportFlow() {
            super("support");
        }
    }

    private static RunningService service;

    @BeforeAll
    static void start() throws Exception {
        Config config = FlowLoader.applicationClasses(
                        FlowLoader.APPLICATIONS_VARIABLE, List.of(SUPPORT + "=" + SupportFlow.class.getName()))
                .withFallback(RunningService.config("""
                        switchboard.flow { class = "%1$s", settings.name = "default" }
                        switchboard.applications { "%2$s" { class = "%1$s", settings.name = "sales" } }
                        """.formatted(NamedFlow.class.getName(), SALES)));
        FlowLoader.Flows flows = new FlowLoader(config, ApplicationRoutingEndToEndTest.class.getClassLoader()).load();
        service = RunningService.started(SwitchboardService.start(config, flows.callFlows(), flows.conferenceFlow()));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    /** What the service answers the initiate of a new call of {@code applicationId}. */
    private static String greetingOf(String callId, String applicationId) throws Exception {
        var reply = service.post("/voice/initiate", """
                {"eventType": "initiate", "callId": "%s", "accountId": "9900000", "applicationId": "%s",
                 "from": "+15552223333", "to": "+15553334444", "direction": "inbound",
                 "startTime": "2026-11-25T10:00:00.000Z", "eventTime": "2026-11-25T10:00:01Z"}
                """.formatted(callId, applicationId));
        assertEquals(200, reply.statusCode(), reply.body());
        Response bxml = new BxmlReader().read(reply.body());
        return ((SpeakSentence) bxml.verbs().get(0)).text();
    }

    @Test
    void eachApplicationsCallsReachItsFlowAndOthersTheDefault() throws Exception {
        assertEquals("sales answers " + SALES, greetingOf("c-apps-sales", SALES));
        assertEquals("support answers " + SUPPORT, greetingOf("c-apps-support", SUPPORT));
        assertEquals("default answers 0a1b2c3d-other", greetingOf("c-apps-other", "0a1b2c3d-other"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = service.get(service.managementUri("/metrics")).body();
            for (String application : List.of(SALES, SUPPORT, ApplicationTelemetry.DEFAULT)) {
                assertTrue(
                        metrics.contains(
                                "switchboard_application_events_total{application=\"" + application + "\"} 1.0"),
                        application + " in\n" + metrics);
            }
            assertTrue(metrics.contains("switchboard_application_unknown_events_total 1.0"), metrics);
        });
    }
}
