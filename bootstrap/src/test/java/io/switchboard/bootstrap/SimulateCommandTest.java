package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.TestProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.adapters.http.simulator.HttpVoiceApi;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code simulate} end to end: the real service on a free port of 127.0.0.1, the CLI playing Bandwidth against it.
 * The demo writes relative callback URLs here (public-url empty), which the simulator resolves as Bandwidth does.
 */
class SimulateCommandTest {
    private static final String RELATIVE_CALLBACKS = "switchboard.public-url = \"\"";
    private static final String SCRIPT = "../docs/examples/demo-callers.conf";

    private record Outcome(int exitCode, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Outcome simulate(RunningService service, String... options) {
        List<String> args = new ArrayList<>(
                List.of("simulate", "--url", service.uri("/voice").toString()));
        args.addAll(List.of(options));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli =
                new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int exitCode = cli.execute(args.toArray(String[]::new));
        return new Outcome(exitCode, out.toString(), err.toString());
    }

    @Test
    void twoHundredDemoCallsFollowEveryMenuBranchAndEveryReplyPasses() throws Exception {
        Outcome run;
        try (RunningService service = RunningService.start(RELATIVE_CALLBACKS)) {
            run = simulate(
                    service, "--calls", "200", "--concurrency", "20", "--script", SCRIPT, "--seed", "7", "--json");
        }
        JsonNode summary = run.json();

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(summary.get("passed").asBoolean());
        assertEquals(
                0,
                summary.get("violationCount").asLong(),
                summary.get("violations").toString());
        assertEquals(200, summary.get("callsCompleted").asLong());
        JsonNode callers = summary.get("callsByProfile");
        long voicemail = callers.path("voicemail").asLong();
        long transfer = callers.path("transfer").asLong();
        long conference = callers.path("conference").asLong();
        long undecided = callers.path("undecided").asLong();
        long calledBack = callers.path("called-back").asLong();
        long impatient = callers.path("impatient").asLong();
        assertEquals(200, voicemail + transfer + conference + undecided + calledBack + impatient);
        assertTrue(
                voicemail > 0 && transfer > 0 && conference > 0 && undecided > 0 && calledBack > 0, callers::toString);

        JsonNode events = summary.get("eventsByType");
        assertEquals(200 - calledBack, events.path("initiate").asLong());
        assertEquals(calledBack, events.path("answer").asLong());
        assertEquals(
                voicemail + transfer + conference + 3 * undecided + calledBack,
                events.path("gather").asLong());
        assertEquals(calledBack, events.path("recordComplete").asLong(), "only callers who stay let it complete");
        assertEquals(
                voicemail + calledBack, events.path("transcriptionAvailable").asLong());
        assertEquals(transfer, events.path("transferAnswer").asLong());
        assertEquals(transfer, events.path("transferDisconnect").asLong());
        assertEquals(conference, events.path("conferenceMemberJoin").asLong());
        assertEquals(conference, events.path("conferenceMemberExit").asLong());
        assertEquals(
                events.path("conferenceCreated").asLong(),
                events.path("conferenceCompleted").asLong());
        assertEquals(200, events.path("disconnect").asLong());
        assertEquals(
                summary.get("events").asLong(),
                summary.get("statuses").path("200").asLong());
        assertTrue(summary.get("latency").get("p99").asDouble() > 0);
    }

    @Test
    void aBrokenFlowIsReportedWithTheCallAndTheEventAndFailsTheRun() throws Exception {
        CallFlow typo = new CallFlow() {
            @Override
            public Reply onInitiate(CallInitiated event, CallState call) {
                return Response.builder()
                        .gather(gather ->
                                gather.gatherUrl("/voice/gahter").maxDigits(1).speakSentence("Press 1"))
                        .build();
            }
        };
        Outcome run;
        try (RunningService service = RunningService.start(RELATIVE_CALLBACKS, typo, new ConferenceFlow() {})) {
            run = simulate(service, "--calls", "5", "--script", SCRIPT);
        }

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("FAILED: 5 violations (status 5)"), run.out());
        assertTrue(
                run.out()
                        .matches("(?s).*call c-[0-9a-f]+-\\d+, gather to http://127\\.0\\.0\\.1:\\d+/voice/gahter: "
                                + "status: HTTP 404; expected 200 with BXML.*"),
                run.out());
        assertTrue(run.out().contains("callback-error (HTTP 404)"), run.out());
    }

    @Test
    void credentialsAreSentAfterTheChallenge() throws Exception {
        String secured = RELATIVE_CALLBACKS + """

                switchboard.http.webhook-user = "bandwidth"
                switchboard.http.webhook-password = "s3cret"
                """;
        try (RunningService service = RunningService.start(secured)) {
            Outcome withCredentials =
                    simulate(service, "--calls", "3", "--user", "bandwidth", "--password", "s3cret", "--json");
            Outcome without = simulate(service, "--calls", "3", "--json");

            assertEquals(0, withCredentials.exitCode(), withCredentials.out());
            assertEquals(1, without.exitCode());
            assertEquals(6, without.json().get("statuses").path("401").asLong(), "initiate and disconnect of 3 calls");
            assertTrue(!withCredentials.out().contains("s3cret"), "the password is never printed");
        }
    }

    @Test
    void anOutboundCampaignPlacesEveryCallThroughTheServiceAndFollowsEachToItsEnd() throws Exception {
        Outcome run;
        try (HttpVoiceApi api = RunningService.startVoiceApi(20);
                RunningService service = RunningService.start(RunningService.bandwidthConfig(api) + """
                        switchboard.admin.user = "operator"
                        switchboard.admin.password = "adm1n-Secret"
                        """)) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            // The service had to know the API's URL before it started, so the command is handed the API.
            int exitCode = new CommandLine(new SimulateCommand().usingVoiceApi(api))
                    .setOut(new PrintWriter(out))
                    .setErr(new PrintWriter(err))
                    .execute(
                            "--url",
                            service.uri("/voice").toString(),
                            "--public-url",
                            RunningService.PUBLIC_URL,
                            "--outbound",
                            "12",
                            "--rate",
                            "20",
                            "--machines",
                            "0.5",
                            // The demo's pause lasts 10 s: however busy the machine, its redirect comes in time.
                            "--update-wait",
                            "10s",
                            "--api-throttle-creates",
                            "2",
                            "--admin-user",
                            "operator",
                            "--admin-password",
                            "adm1n-Secret",
                            "--script",
                            SCRIPT,
                            "--json");
            run = new Outcome(exitCode, out.toString(), err.toString());
            // A person may hang up between detection and the redirect the flow asks for: the campaign's report,
            // taken once every call has ended, can come before that request reaches the API.
            TestProbe.create(service.system()).awaitAssert(Duration.ofSeconds(10), () -> {
                assertEquals(
                        12,
                        api.api().requests().stream()
                                .filter(request -> request.method().equals("POST")
                                        && request.path().matches(".*/calls/[^/]+$"))
                                .count());
                return null;
            });
        }
        JsonNode report = run.json();
        JsonNode summary = report.get("summary");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(report.get("passed").asBoolean());
        assertEquals(12, report.get("placed").asInt());
        assertEquals(0, report.get("notEnded").asInt());
        assertEquals(12, summary.get("callsCompleted").asLong());
        assertEquals(
                0,
                summary.get("violationCount").asLong(),
                summary.get("violations").toString());
        long machines = summary.get("callsByProfile").path("machine").asLong();
        assertTrue(machines > 0 && machines < 12, summary.get("callsByProfile").toString());
        JsonNode events = summary.get("eventsByType");
        assertEquals(12, events.path("answer").asLong());
        assertEquals(12, events.path("machineDetectionComplete").asLong());
        assertEquals(12, events.path("disconnect").asLong());
        // Machines hear the message the redirect brings; an impatient person may hang up before it comes.
        assertTrue(events.path("redirect").asLong() >= machines, events.toString());
        // Each call was created once (two after a 429, retried); each was asked once to redirect, whatever was
        // detected (awaited above: the report may be taken before the last redirect request arrives).
        JsonNode requests = report.get("voiceApiRequests");
        assertEquals(14, requests.path("POST /calls").asLong(), requests.toString());
        assertTrue(requests.path("POST /calls/{id}").asLong() <= 12, requests.toString());
    }

    @Test
    void anOutboundCampaignNeedsCallsAndARate() {
        StringWriter err = new StringWriter();
        int exitCode = new CommandLine(new Main())
                .setErr(new PrintWriter(err))
                .execute("simulate", "--url", "http://127.0.0.1:9/voice", "--outbound", "0");
        assertEquals(2, exitCode);
        assertTrue(err.toString().contains("--outbound needs at least 1 call and a --rate above 0"), err.toString());
    }

    @Test
    void aScriptThatCannotBeReadIsABadArgument() {
        StringWriter err = new StringWriter();
        int exitCode = new CommandLine(new Main())
                .setErr(new PrintWriter(err))
                .execute("simulate", "--url", "http://127.0.0.1:9/voice", "--script", "no-such-script.conf");
        assertEquals(2, exitCode);
        assertTrue(err.toString().contains("no script file no-such-script.conf"), err.toString());
    }
}
