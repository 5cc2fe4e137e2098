package io.switchboard.bootstrap;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: runs the webhook service until SIGTERM (or a failure) stops it. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the webhook service (the default). Configure it with SWITCHBOARD_* variables or -D.")
final class ServeCommand implements Callable<Integer> {

    /** The exit status of a configuration the service refuses, as picocli's for a wrong command line. */
    static final int REFUSED = 2;

    static final int FAILED = 1;

    @Option(
            names = "--flow",
            paramLabel = "CLASS",
            description = "the CallFlow to serve, on the classpath (default: SWITCHBOARD_FLOW, else the one"
                    + " listed in META-INF/services, else the demo)")
    String flowClass;

    @Option(
            names = "--conference-flow",
            paramLabel = "CLASS",
            description = "the ConferenceFlow to serve (default: SWITCHBOARD_CONFERENCE_FLOW, else the call flow"
                    + " if it is one too)")
    String conferenceFlowClass;

    @Option(
            names = "--application",
            paramLabel = "ID=CLASS",
            description = "the CallFlow of one Bandwidth application, by its id (repeatable; also"
                    + " SWITCHBOARD_APPLICATIONS); calls of other applications go to the --flow")
    List<String> applications = List.of();

    /** Logging's configuration, read meanwhile when the jar's main serves; done before any flow is made. */
    CompletableFuture<?> loggingConfigured = CompletableFuture.completedFuture(null);

    @Override
    public Integer call() {
        CompletableFuture<SwitchboardService.Running> starting;
        FlowLoader.Flows flows;
        try {
            Config config = withOptions(SwitchboardConfig.load());
            loggingConfigured.join();
            flows = new FlowLoader(config, Thread.currentThread().getContextClassLoader()).load();
            starting = SwitchboardService.start(config, flows.callFlows(), flows.conferenceFlow())
                    .toCompletableFuture();
        } catch (IllegalArgumentException | ConfigException refused) {
            return printed(REFUSED, refused.getMessage());
        }
        try {
            SwitchboardService.Running running = starting.join();
            running.system()
                    .log()
                    .info(
                            "Switchboard is answering webhooks on {}:{} with {}",
                            running.binding().localAddress().getHostString(),
                            running.port(),
                            flows.described());
            running.system().getWhenTerminated().toCompletableFuture().join();
            return 0;
        } catch (CompletionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            return printed(FAILED, "could not start: " + cause.getMessage());
        }
    }

    /** {@code config} with what the command line chose over it. */
    Config withOptions(Config config) {
        Config chosen =
                FlowLoader.applicationClasses("--application", applications).withFallback(config);
        if (flowClass != null) {
            chosen = chosen.withValue(FlowLoader.CLASS, ConfigValueFactory.fromAnyRef(flowClass));
        }
        if (conferenceFlowClass != null) {
            chosen = chosen.withValue(FlowLoader.CONFERENCE_CLASS, ConfigValueFactory.fromAnyRef(conferenceFlowClass));
        }
        return chosen;
    }

    /**
     * One line on standard error: logs may be asynchronous, or not configured yet, and the JVM exits right after.
     */
    private static int printed(int status, String reason) {
        System.err.println("switchboard: " + String.valueOf(reason).replaceAll("\\s*\\R\\s*", " "));
        System.err.flush();
        return status;
    }
}
