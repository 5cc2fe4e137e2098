package io.switchboard.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.switchboard.adapters.bxml.BxmlReader;
import io.switchboard.adapters.http.WebhookCredentials;
import io.switchboard.adapters.http.json.VoiceEventEncoder;
import io.switchboard.adapters.http.json.WebhookObjectMapper;
import io.switchboard.adapters.http.simulator.HttpVoiceApi;
import io.switchboard.adapters.http.simulator.HttpWebhookTransport;
import io.switchboard.adapters.http.simulator.ReplayFiles;
import io.switchboard.testkit.simulator.CallPlayer;
import io.switchboard.testkit.simulator.Callees;
import io.switchboard.testkit.simulator.CallerScript;
import io.switchboard.testkit.simulator.RecordedCall;
import io.switchboard.testkit.simulator.Replay;
import io.switchboard.testkit.simulator.ReplyChecks;
import io.switchboard.testkit.simulator.RoutedTransport;
import io.switchboard.testkit.simulator.SimulationPlan;
import io.switchboard.testkit.simulator.SimulationSummary;
import io.switchboard.testkit.simulator.Simulator;
import io.switchboard.testkit.simulator.WebhookTransport;
import io.switchboard.testkit.voiceapi.OutboundCalls;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulate}: plays Bandwidth's side against a running service: scripted callers, the BXML followed verb
 * by verb, every reply checked; prints a summary (or JSON) and exits 1 when any check failed.
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Play Bandwidth's side against a running Switchboard (or any BXML service): place scripted "
                    + "calls, follow the BXML each reply returns, send the callbacks it names, check every reply.",
            "With --replay FILE (a call exported from the console), plays that call's events again, in order, "
                    + "and reports where the replies now differ from the recorded ones.",
            "With --outbound N, plays Bandwidth's Voice API on --api-port and has the service place N calls "
                    + "through POST /admin/calls; the simulator dials each, answers it (a person or a machine), "
                    + "follows it to its end and checks it. Start the service with SWITCHBOARD_BANDWIDTH_API_URL="
                    + "http://127.0.0.1:<api-port>/api/v2 and the same API credentials.",
            "Exit status: 0 every check passed, 1 a check failed, 2 bad arguments."
        })
final class SimulateCommand implements Callable<Integer> {
    private static final int PROGRESS_WIDTH = 30;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--url",
            required = true,
            paramLabel = "URL",
            description = "Where the first webhook of each call goes (initiate or answer), e.g. "
                    + "http://127.0.0.1:8080/voice. Callbacks are only followed to this scheme, host and port.")
    private URI url;

    @Option(
            names = "--status-url",
            paramLabel = "URL",
            description = "Where disconnects go (the application's status callback); default: --url.")
    private URI statusUrl;

    @Option(names = "--calls", defaultValue = "100", description = "Calls to place (default: ${DEFAULT-VALUE}).")
    private int calls;

    @Option(
            names = "--concurrency",
            defaultValue = "50",
            description = "At most this many calls at once (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(
            names = "--rate",
            defaultValue = "0",
            description = "Calls started per second; 0 starts them as fast as --concurrency allows (default).")
    private double rate;

    @Option(
            names = "--script",
            paramLabel = "FILE",
            description = "HOCON caller script (docs/simulator.md); default: inbound callers who never press a key.")
    private File script;

    @Option(names = "--user", description = "Basic-auth user, sent after the service's 401 challenge.")
    private String user;

    @Option(names = "--password", description = "Basic-auth password; never printed.")
    private String password;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description =
                    "Seed of every random choice: the same seed plays the same calls (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--deadline",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "The service's reply deadline; slower replies fail a check (default: ${DEFAULT-VALUE}).")
    private Duration deadline;

    @Option(
            names = "--callback-timeout",
            defaultValue = "15s",
            converter = DurationConverter.class,
            description = "Bandwidth's callback timeout: slower replies are given up on (default: ${DEFAULT-VALUE}).")
    private Duration callbackTimeout;

    @Option(
            names = "--threads",
            defaultValue = "2",
            description = "Threads that send events and follow replies; they never block (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--json", description = "Print the summary as JSON.")
    private boolean json;

    @Option(
            names = "--replay",
            paramLabel = "FILE",
            description = "A replay file exported from the console: play its call again (as a new call, so the "
                    + "flow runs again) instead of scripted callers, and compare each reply with the recorded one.")
    private File replay;

    @Option(
            names = "--outbound",
            paramLabel = "N",
            description = "Outbound campaign: the service places N calls through its call control (see above); "
                    + "--calls, --concurrency and --script's directions do not apply.")
    private Integer outbound;

    @Option(
            names = "--api-port",
            defaultValue = "0",
            description = "Port of 127.0.0.1 the simulated Voice API listens on; 0 picks a free one, printed at "
                    + "start (default: ${DEFAULT-VALUE}).")
    private int apiPort;

    @Option(
            names = "--api-account-id",
            defaultValue = "9900000",
            description = "The account the simulated Voice API serves (default: ${DEFAULT-VALUE}).")
    private String apiAccountId;

    @Option(
            names = "--api-username",
            defaultValue = "simulator",
            description = "The API user it accepts (default: ${DEFAULT-VALUE}).")
    private String apiUsername;

    @Option(
            names = "--api-password",
            defaultValue = "simulator",
            description = "The API password it accepts; never printed (default: the user's name).")
    private String apiPassword;

    @Option(
            names = "--machines",
            defaultValue = "0.3",
            description = "Share of outbound calls an answering machine picks up (default: ${DEFAULT-VALUE}).")
    private double machines;

    @Option(
            names = "--from",
            defaultValue = "+15552223333",
            description = "The number outbound calls come from (default: ${DEFAULT-VALUE}).")
    private String from;

    @Option(
            names = "--api-throttle-creates",
            defaultValue = "0",
            paramLabel = "N",
            description = "The first N createCall requests are answered 429 with Retry-After: 1, as an account over "
                    + "its rate is; the service should retry them (default: ${DEFAULT-VALUE}).")
    private int apiThrottleCreates;

    @Option(names = "--admin-user", description = "The service's admin user, for POST /admin/calls.")
    private String adminUser;

    @Option(names = "--admin-password", description = "The service's admin password; never printed.")
    private String adminPassword;

    @Option(
            names = "--public-url",
            paramLabel = "URL",
            description = "The service's SWITCHBOARD_PUBLIC_URL, when it differs from --url's address: callbacks "
                    + "under it are delivered to --url's scheme, host and port, as a tunnel would.")
    private URI publicUrl;

    @Option(
            names = "--update-wait",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "How long a placed call's <Pause> waits, in real time, for the service to redirect or "
                    + "hang it up through the API (default: ${DEFAULT-VALUE}).")
    private Duration updateWait;

    @Option(
            names = "--outbound-timeout",
            defaultValue = "5m",
            converter = DurationConverter.class,
            description = "How long an outbound campaign may take at most (default: ${DEFAULT-VALUE}).")
    private Duration outboundTimeout;

    /** A Voice API already served (by a test that had to configure the service with its URL first). */
    private HttpVoiceApi givenVoiceApi;

    /**
     * java.net.http hands every response to the CompletableFuture default executor; on a JVM that sees two CPUs
     * or fewer that is a new thread per task, which cost the simulator more CPU than the
     * service it measured. A common pool of a few threads fixes it; the property only counts if set before
     * CompletableFuture is first used, which is why it is set here and not in the HTTP adapter.
     */
    private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    @Override
    public Integer call() throws Exception {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(COMMON_POOL_PARALLELISM, String.valueOf(Math.max(2, threads)));
        }
        SimulationPlan plan = replay == null && outbound == null ? plan() : null;
        ExecutorService clientThreads = Executors.newFixedThreadPool(Math.max(1, threads), daemon("simulate-http"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("simulate-scheduler"));
        try {
            HttpWebhookTransport transport = new HttpWebhookTransport(
                    HttpWebhookTransport.clientBuilder(callbackTimeout)
                            .executor(clientThreads)
                            .build(),
                    new VoiceEventEncoder(WebhookObjectMapper.create()),
                    new BxmlReader(),
                    credentials(),
                    callbackTimeout);
            if (replay != null) {
                return replay(transport);
            }
            if (outbound != null) {
                return outbound(transport, clientThreads, scheduler);
            }
            Simulator.Run run = new Simulator(transport, scheduler).start(plan);
            ScheduledFuture<?> progress = showProgress(run, scheduler);
            SimulationSummary summary = run.summary().toCompletableFuture().join();
            if (progress != null) {
                progress.cancel(false);
                printProgress(run, true);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(
                    json
                            ? new ObjectMapper()
                                    .enable(SerializationFeature.INDENT_OUTPUT)
                                    .writeValueAsString(summary)
                            : SummaryText.render(summary, url));
            out.flush();
            return summary.passed() ? 0 : 1;
        } finally {
            scheduler.shutdownNow();
            clientThreads.shutdownNow();
        }
    }

    /** Runs against {@code api} instead of serving one on --api-port; the caller closes it. */
    SimulateCommand usingVoiceApi(HttpVoiceApi api) {
        givenVoiceApi = api;
        return this;
    }

    private int outbound(HttpWebhookTransport http, ExecutorService clientThreads, ScheduledExecutorService scheduler)
            throws Exception {
        if (outbound < 1 || !(rate > 0)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--outbound needs at least 1 call and a --rate above 0");
        }
        Callees callees;
        WebhookTransport transport = http;
        Predicate<URI> followable = target -> SimulationPlan.sameOrigin(url, target);
        if (publicUrl != null) {
            RoutedTransport routed = new RoutedTransport(http, publicUrl, url.resolve("/"));
            transport = routed;
            followable = followable.or(routed::routes);
        }
        try {
            CallerScript callers =
                    script == null ? CallerScript.fromConfig(ConfigFactory.empty()) : CallerScript.read(script);
            callees = new Callees(
                    new CallPlayer(
                            transport, new ReplyChecks(callbackTimeout, deadline), callers, followable, scheduler),
                    callers,
                    seed,
                    machines,
                    updateWait);
        } catch (IllegalArgumentException invalid) {
            throw new CommandLine.ParameterException(spec.commandLine(), invalid.getMessage(), invalid);
        }
        HttpVoiceApi api = givenVoiceApi != null
                ? givenVoiceApi
                : HttpVoiceApi.start(apiPort, apiAccountId, apiUsername, apiPassword, rate);
        try {
            PrintWriter err = spec.commandLine().getErr();
            err.println("Simulated Voice API at " + api.baseUrl());
            err.flush();
            if (apiThrottleCreates > 0) {
                api.api().failNext("POST", "/calls", 429, apiThrottleCreates, Duration.ofSeconds(1));
            }
            OutboundCalls calls = OutboundCalls.follow(api.api(), callees);
            OutboundCampaign.Report report = new OutboundCampaign(
                            api,
                            calls,
                            HttpWebhookTransport.clientBuilder(callbackTimeout)
                                    .executor(clientThreads)
                                    .build(),
                            scheduler)
                    .run(new OutboundCampaign.Plan(
                            url,
                            outbound,
                            rate,
                            from,
                            Optional.ofNullable(adminUser),
                            Optional.ofNullable(adminPassword),
                            outboundTimeout));
            PrintWriter out = spec.commandLine().getOut();
            out.println(
                    json
                            ? new ObjectMapper()
                                    .enable(SerializationFeature.INDENT_OUTPUT)
                                    .writeValueAsString(report)
                            : SummaryText.render(report, url));
            out.flush();
            return report.passed() ? 0 : 1;
        } finally {
            if (givenVoiceApi == null) {
                api.close();
            }
        }
    }

    private int replay(HttpWebhookTransport transport) throws Exception {
        RecordedCall call;
        try {
            // A fresh id: the recorded one would be answered as redeliveries, without running the flow.
            call = new ReplayFiles(WebhookObjectMapper.create(), new BxmlReader())
                    .read(Files.readAllBytes(replay.toPath()), "replay-" + UUID.randomUUID());
        } catch (IOException | IllegalArgumentException unreadable) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--replay " + replay + ": " + unreadable.getMessage(), unreadable);
        }
        Replay.Report report = new Replay(transport).play(url, call);
        PrintWriter out = spec.commandLine().getOut();
        out.println(
                json
                        ? new ObjectMapper()
                                .enable(SerializationFeature.INDENT_OUTPUT)
                                .writeValueAsString(ReplayText.json(report))
                        : ReplayText.render(report, url));
        out.flush();
        return report.passed() ? 0 : 1;
    }

    private SimulationPlan plan() {
        try {
            CallerScript callers =
                    script == null ? CallerScript.fromConfig(ConfigFactory.empty()) : CallerScript.read(script);
            return new SimulationPlan(
                    url,
                    statusUrl == null ? url : statusUrl,
                    calls,
                    concurrency,
                    rate,
                    callers,
                    seed,
                    callbackTimeout,
                    deadline);
        } catch (IllegalArgumentException invalid) {
            throw new CommandLine.ParameterException(spec.commandLine(), invalid.getMessage(), invalid);
        }
    }

    private Optional<WebhookCredentials> credentials() {
        if (user == null && password == null) {
            return Optional.empty();
        }
        if (user == null || password == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--user and --password go together");
        }
        try {
            return Optional.of(new WebhookCredentials(user, password));
        } catch (IllegalArgumentException invalid) {
            throw new CommandLine.ParameterException(spec.commandLine(), invalid.getMessage());
        }
    }

    /** A progress bar on a terminal only: piped output and --json stay clean. */
    private ScheduledFuture<?> showProgress(Simulator.Run run, ScheduledExecutorService scheduler) {
        if (System.console() == null || json) {
            return null;
        }
        return scheduler.scheduleAtFixedRate(() -> printProgress(run, false), 0, 250, TimeUnit.MILLISECONDS);
    }

    private void printProgress(Simulator.Run run, boolean last) {
        var progress = run.progress();
        int filled = (int) (PROGRESS_WIDTH * progress.callsDone() / Math.max(1, calls));
        PrintWriter err = spec.commandLine().getErr();
        err.print("\r[" + "#".repeat(filled) + ".".repeat(PROGRESS_WIDTH - filled) + "] " + progress.callsDone() + "/"
                + calls + " calls, " + progress.events() + " events, " + progress.violations() + " violations"
                + (last ? System.lineSeparator() : ""));
        err.flush();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Durations as in the configuration: {@code 5s}, {@code 250ms}, {@code 1m}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return ConfigFactory.empty()
                    .withValue("value", ConfigValueFactory.fromAnyRef(value))
                    .getDuration("value");
        }
    }
}
