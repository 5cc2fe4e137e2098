package io.switchboard.bootstrap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.adapters.bxml.BxmlReader;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Hangup;
import io.switchboard.domain.verb.Record;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.SpeakSentence;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One whole demo call through the real wiring (HTTP, decoding, cluster sharding, entity, demo flow, BXML) on a
 * free port: initiate → gather 2 → recording → transcription → disconnect, every reply checked.
 */
class DemoCallEndToEndTest {
    private static final BxmlReader bxml = new BxmlReader();
    private static RunningService service;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start("");
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    /** The common call fields; {@code second} makes each event distinct (an equal payload is a redelivery). */
    private static String common(String eventType, String callId, int second) {
        return """
                "eventType": "%s", "callId": "%s", "accountId": "9900000",
                "applicationId": "04e88489-df02-4e34-a0ee-27a91849555f",
                "from": "+15552223333", "to": "+15553334444", "direction": "inbound",
                "callUrl": "https://voice.bandwidth.com/api/v2/accounts/9900000/calls/%s",
                "startTime": "2026-11-25T10:00:00.000Z", "eventTime": "2026-11-25T10:00:%02dZ"
                """.formatted(eventType, callId, callId, second);
    }

    private static Response bxmlOf(HttpResponse<String> reply) {
        assertEquals(200, reply.statusCode(), reply.body());
        assertTrue(
                reply.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"),
                "BXML content type: " + reply.headers().map());
        return bxml.read(reply.body());
    }

    private static void assertEmpty200(HttpResponse<String> reply) {
        assertEquals(200, reply.statusCode(), reply.body());
        assertEquals("", reply.body());
    }

    @Test
    void voicemailCallFromInitiateToDisconnect() throws Exception {
        String callId = "c-e2e-voicemail";

        Response menu = bxmlOf(service.post("/voice/initiate", "{" + common("initiate", callId, 1) + "}"));
        Gather gather = assertInstanceOf(Gather.class, menu.verbs().get(0));
        assertEquals(
                RunningService.PUBLIC_URL + "/voice/gather", gather.gather().url());
        assertEquals(1, gather.maxDigits());
        assertTrue(((SpeakSentence) gather.prompts().get(0)).text().contains("Press 1"));

        Response voicemail = bxmlOf(service.post(
                "/voice/gather",
                "{" + common("gather", callId, 2) + ", \"digits\": \"2\", \"terminatingDigit\": \"\"}"));
        Record record = assertInstanceOf(Record.class, voicemail.verbs().get(1));
        assertEquals(
                RunningService.PUBLIC_URL + "/voice/recordingComplete",
                record.recordComplete().url());
        assertEquals(Boolean.TRUE, record.transcribe());
        assertEquals(
                RunningService.PUBLIC_URL + "/voice/transcriptionAvailable",
                record.transcriptionAvailable().url());

        Response thanks = bxmlOf(service.post(
                "/voice/recordingComplete",
                "{" + common("recordComplete", callId, 3)
                        + ", \"recordingId\": \"r-1\", \"mediaUrl\": \"https://voice.bandwidth.com/r-1/media\","
                        + " \"duration\": \"PT12.5S\", \"channels\": 1, \"fileFormat\": \"wav\"}"));
        assertTrue(((SpeakSentence) thanks.verbs().get(0)).text().contains("recorded"));
        assertInstanceOf(Hangup.class, thanks.verbs().get(1));

        assertEmpty200(service.post(
                "/voice/disconnect",
                "{" + common("disconnect", callId, 4)
                        + ", \"endTime\": \"2026-11-25T10:01:00Z\", \"cause\": \"hangup\"}"));

        // Transcriptions come after the call ended; the call's entity is still there to take it.
        assertEmpty200(service.post(
                "/voice/transcriptionAvailable",
                "{" + common("transcriptionAvailable", callId, 5)
                        + ", \"recordingId\": \"r-1\", \"transcription\": {\"id\": \"t-1\","
                        + " \"url\": \"https://voice.bandwidth.com/t-1\", \"status\": \"available\"}}"));
    }

    @Test
    void noInputRepeatsTheMenuThenHangsUp() throws Exception {
        String callId = "c-e2e-silent";
        bxmlOf(service.post("/voice/answer", "{" + common("answer", callId, 1) + "}"));
        for (int attempt = 1; attempt <= 3; attempt++) {
            Response reply = bxmlOf(service.post(
                    "/voice/gather", "{" + common("gather", callId, 10 + attempt) + ", \"digits\": \"\"}"));
            if (attempt < 3) {
                assertInstanceOf(Gather.class, reply.verbs().get(0), "menu offered again on attempt " + attempt);
            } else {
                assertInstanceOf(Hangup.class, reply.verbs().get(reply.verbs().size() - 1));
            }
        }
    }

    @Test
    void healthEndpointsAnswer() throws Exception {
        assertEquals(
                200,
                service.send(HttpRequest.newBuilder(service.uri("/health/live")).GET())
                        .statusCode());
        assertEquals(
                200,
                service.send(HttpRequest.newBuilder(service.uri("/health/ready"))
                                .GET())
                        .statusCode());
    }

    @Test
    void managementProbesAndClusterRoutesAnswerOnTheirOwnPort() throws Exception {
        assertEquals(200, service.get(service.managementUri("/alive")).statusCode());
        assertEquals(200, service.get(service.managementUri("/ready")).statusCode());
        HttpResponse<String> members = service.get(service.managementUri("/cluster/members"));
        assertEquals(200, members.statusCode());
        assertTrue(members.body().contains("\"status\":\"Up\""), members.body());
        assertEquals(404, service.get(service.uri("/ready")).statusCode(), "not on the webhook port");
    }

    @Test
    void prometheusMetricsAreOnTheManagementPort() throws Exception {
        String callId = "c-e2e-metrics";
        bxmlOf(service.post("/voice/initiate", "{" + common("initiate", callId, 1) + "}"));
        assertEquals(400, service.post("/voice/answer", "{\"eventType\": ").statusCode());

        // An answered webhook is counted by a listener, told in its batch shortly after the reply.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String answered = service.get(service.managementUri("/metrics")).body();
            assertTrue(
                    answered.matches(
                            "(?s).*switchboard_webhooks_total\\{event_type=\"initiate\",status=\"200\"} [1-9].*"),
                    answered);
            assertTrue(answered.contains("switchboard_webhook_reply_seconds_bucket{event_type=\"initiate\""), answered);
        });
        HttpResponse<String> metrics = service.get(service.managementUri("/metrics"));

        assertEquals(200, metrics.statusCode());
        String text = metrics.body();
        assertTrue(text.contains("switchboard_webhooks_total{event_type=\"refused\",status=\"400\"}"), text);
        assertTrue(text.contains("switchboard_cluster_members{status=\"Up\"} 1"), text);
        assertTrue(text.matches("(?s).*switchboard_entities_active\\{type=\"call\"} [1-9].*"), text);
        assertTrue(text.contains("switchboard_side_work_failed_total 0.0"), text);
        assertTrue(text.contains("switchboard_side_work_refused_total 0.0"), text);
        assertTrue(text.contains("switchboard_side_work_running 0.0"), text);
        assertTrue(text.contains("jvm_memory_used_bytes"), text);
        assertEquals(404, service.get(service.uri("/metrics")).statusCode(), "not on the webhook port");
    }

    @Test
    void withoutItsCredentialsTheAdminApiIsOff() throws Exception {
        HttpResponse<String> admin = service.get(service.uri("/admin/cluster"), "operator", "anything");
        assertEquals(404, admin.statusCode());
    }
}
