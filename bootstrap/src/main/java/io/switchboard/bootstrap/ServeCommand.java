package io.switchboard.bootstrap;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: runs the webhook service until SIGTERM (or a failure) stops it. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the webhook service (the default). Configure it with SWITCHBOARD_* variables or -D.")
final class ServeCommand implements Callable<Integer> {
    static final int USAGE_ERROR = 2;

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

    @Override
    public Integer call() {
        Config config = withOptions(SwitchboardConfig.load());
        FlowLoader.Flows flows;
        try {
            flows = new FlowLoader(config, Thread.currentThread().getContextClassLoader()).load();
        } catch (FlowLoader.FlowNotLoaded refused) {
            System.err.println("switchboard: " + refused.getMessage());
            return USAGE_ERROR;
        }
        try {
            SwitchboardService.Running running = SwitchboardService.start(
                            config, flows.callFlow(), flows.conferenceFlow())
                    .toCompletableFuture()
                    .join();
            running.system()
                    .log()
                    .info(
                            "Switchboard is answering webhooks on {}:{} with {}",
                            running.binding().localAddress().getHostString(),
                            running.port(),
                            flows.callFlow().getClass().getName());
            running.system().getWhenTerminated().toCompletableFuture().join();
            return 0;
        } catch (RuntimeException bindFailed) {
            return 1;
        }
    }

    private Config withOptions(Config config) {
        Config chosen = config;
        if (flowClass != null) {
            chosen = chosen.withValue(FlowLoader.CLASS, ConfigValueFactory.fromAnyRef(flowClass));
        }
        if (conferenceFlowClass != null) {
            chosen = chosen.withValue(FlowLoader.CONFERENCE_CLASS, ConfigValueFactory.fromAnyRef(conferenceFlowClass));
        }
        return chosen;
    }
}
