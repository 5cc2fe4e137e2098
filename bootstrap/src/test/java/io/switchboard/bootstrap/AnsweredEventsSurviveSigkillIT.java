package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Answered means stored", proven the way it fails in production: the real service jar, with its default journal
 * (H2 in a file of SWITCHBOARD_DATA_DIR), is SIGKILLed right after the last 200 of a new call, then started again
 * on the same directory. Every event that was answered must be in the call's timeline, and the last one, posted
 * again as Bandwidth retries a webhook whose reply it may not have seen, must get the same reply from the journal
 * (origin REDELIVERY) without the flow running again. Each trial's call is checked by the next trial's process.
 */
class AnsweredEventsSurviveSigkillIT {
    /** At least 20 (a loss that shows in one trial of ten must show here); more with -Dswitchboard.crash.trials. */
    private static final int TRIALS = Integer.getInteger("switchboard.crash.trials", 20);

    private static final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path workDir;

    /** One webhook of a call: its channel, its body, and what the service answered. */
    record Webhook(String channel, String eventType, String body) {}

    private record Answered(Webhook webhook, String reply) {}

    /** A new call's events, answered by the process that logged to {@code log}. */
    private record Trial(String callId, List<Answered> answered, Path log) {}

    @Test
    void everyEventAnsweredBeforeASigkillIsInItsCallAfterTheRestart() throws Exception {
        Path archive = workDir.resolve("service.jsa");
        // The first start writes the class-data archive (on a normal stop) that lets the next ones start fast.
        start(archive).stop();

        List<String> losses = new ArrayList<>();
        Trial previous = null;
        for (int trial = 0; trial <= TRIALS; trial++) {
            try (ServiceProcess service = start(archive)) {
                if (previous != null) {
                    List<String> lost = lostFrom(service, previous);
                    if (!lost.isEmpty()) {
                        keepLogs(previous, service);
                    }
                    losses.addAll(lost);
                }
                if (trial < TRIALS) {
                    previous = answer(service, trial);
                    service.kill();
                }
            }
        }
        assertEquals(List.of(), losses, losses.size() + " losses in " + TRIALS + " trials");
    }

    /** The logs of the process that answered a lost event and of the one that missed it, for the build's report. */
    private static void keepLogs(Trial trial, ServiceProcess checking) throws Exception {
        Path reports = Path.of(System.getProperty("switchboard.crash.logs", "target/crash-logs"));
        Files.createDirectories(reports);
        Files.copy(trial.log(), reports.resolve(trial.callId() + "-answered.log"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                checking.log(), reports.resolve(trial.callId() + "-checked.log"), StandardCopyOption.REPLACE_EXISTING);
    }

    private ServiceProcess start(Path archive) throws Exception {
        return ServiceProcess.start(
                workDir,
                Map.of("SWITCHBOARD_DATA_DIR", workDir.resolve("data").toString()),
                ServiceProcess.fastStartOptions(archive));
    }

    /** Posts a new call's first events (2 to 7, so that the last one differs from trial to trial), each a 200. */
    private static Trial answer(ServiceProcess service, int trial) throws Exception {
        String callId = "c-sigkill-" + trial;
        List<Webhook> script = callScript(callId);
        List<Answered> answered = new ArrayList<>();
        for (Webhook webhook : script.subList(0, 2 + trial % (script.size() - 1))) {
            HttpResponse<String> reply = service.post("/voice/" + webhook.channel(), webhook.body());
            assertEquals(200, reply.statusCode(), webhook + " answered " + reply.body());
            answered.add(new Answered(webhook, reply.body()));
        }
        return new Trial(callId, answered, service.log());
    }

    /** What of {@code trial} the restarted service lost: each a sentence; none when everything is there. */
    private static List<String> lostFrom(ServiceProcess service, Trial trial) throws Exception {
        List<String> losses = new ArrayList<>();
        List<String> answeredTypes = trial.answered().stream()
                .map(answered -> answered.webhook().eventType())
                .toList();
        JsonNode timeline = timeline(service, trial.callId());
        List<String> stored = eventTypes(timeline);
        if (!stored.equals(answeredTypes)) {
            losses.add(trial.callId() + ": answered " + answeredTypes + ", stored " + stored);
        }
        Answered last = trial.answered().get(trial.answered().size() - 1);
        HttpResponse<String> again = service.post(
                "/voice/" + last.webhook().channel(), last.webhook().body());
        if (again.statusCode() != 200 || !again.body().equals(last.reply())) {
            losses.add(trial.callId() + ": the redelivered " + last.webhook().eventType() + " got " + again.statusCode()
                    + " " + again.body() + " instead of " + last.reply());
        }
        JsonNode after = timeline(service, trial.callId());
        String origin = after.isEmpty()
                ? "none"
                : after.get(after.size() - 1).path("origin").asText();
        if (!origin.equals("REDELIVERY")) {
            losses.add(trial.callId() + ": the redelivered " + last.webhook().eventType() + " was answered by " + origin
                    + ", not from the journal");
        }
        return losses;
    }

    private static JsonNode timeline(ServiceProcess service, String callId) throws Exception {
        HttpResponse<String> view = service.admin("/admin/calls/" + callId);
        if (view.statusCode() == 404) {
            return json.createArrayNode();
        }
        assertEquals(200, view.statusCode(), view.body());
        return json.readTree(view.body()).path("timeline");
    }

    private static List<String> eventTypes(JsonNode timeline) {
        return StreamSupport.stream(timeline.spliterator(), false)
                .map(entry -> entry.path("eventType").asText())
                .toList();
    }

    /** A demo call that leaves a message: each event changes the call, four of them get BXML. */
    static List<Webhook> callScript(String callId) {
        return List.of(
                new Webhook("initiate", "initiate", event("initiate", callId, 1, "")),
                new Webhook("gather", "gather", event("gather", callId, 2, ", \"digits\": \"\"")),
                new Webhook("redirect", "redirect", event("redirect", callId, 3, "")),
                new Webhook("gather", "gather", event("gather", callId, 4, ", \"digits\": \"2\"")),
                new Webhook(
                        "recordingComplete",
                        "recordComplete",
                        event(
                                "recordComplete",
                                callId,
                                5,
                                ", \"recordingId\": \"r-1\", \"mediaUrl\": \"https://voice.bandwidth.com/r-1/media\","
                                        + " \"channels\": 1, \"fileFormat\": \"wav\"")),
                new Webhook(
                        "disconnect",
                        "disconnect",
                        event(
                                "disconnect",
                                callId,
                                6,
                                ", \"endTime\": \"2026-11-25T10:01:00Z\", \"cause\": \"hangup\"")),
                new Webhook(
                        "transcriptionAvailable",
                        "transcriptionAvailable",
                        event(
                                "transcriptionAvailable",
                                callId,
                                7,
                                ", \"recordingId\": \"r-1\", \"transcription\": {\"id\": \"t-1\","
                                        + " \"url\": \"https://voice.bandwidth.com/t-1\", \"status\": \"available\"}")));
    }

    private static String event(String eventType, String callId, int second, String fields) {
        return """
                {"eventType": "%s", "callId": "%s", "accountId": "9900000",
                 "applicationId": "04e88489-df02-4e34-a0ee-27a91849555f",
                 "from": "+15552223333", "to": "+15553334444", "direction": "inbound",
                 "callUrl": "https://voice.bandwidth.com/api/v2/accounts/9900000/calls/%s",
                 "startTime": "2026-11-25T10:00:00Z", "eventTime": "2026-11-25T10:00:%02dZ"%s}
                """.formatted(eventType, callId, callId, second, fields);
    }
}
