package io.switchboard.bootstrap;

import com.typesafe.config.Config;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code serve}: runs the webhook service until SIGTERM (or a failure) stops it. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the webhook service (the default). Configure it with SWITCHBOARD_* variables or -D.")
final class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Config config = SwitchboardConfig.load();
        try {
            SwitchboardService.Running running =
                    SwitchboardService.startDemo(config).toCompletableFuture().join();
            running.system()
                    .log()
                    .info(
                            "Switchboard is answering webhooks on {}:{}",
                            running.binding().localAddress().getHostString(),
                            running.port());
            running.system().getWhenTerminated().toCompletableFuture().join();
            return 0;
        } catch (RuntimeException bindFailed) {
            return 1;
        }
    }
}
