package io.switchboard.bootstrap;

import com.typesafe.config.ConfigException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;

/** {@code serve}: runs the webhook service until SIGTERM (or a failure) stops it. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the webhook service (the default). Configure it with SWITCHBOARD_* variables or -D.")
final class ServeCommand implements Callable<Integer> {

    /** The exit status of a configuration the service refuses, as picocli's for a wrong command line. */
    static final int REFUSED = 2;

    static final int FAILED = 1;

    @Override
    public Integer call() {
        CompletableFuture<SwitchboardService.Running> starting;
        try {
            starting = SwitchboardService.startDemo(SwitchboardConfig.load()).toCompletableFuture();
        } catch (IllegalArgumentException | ConfigException refused) {
            return printed(REFUSED, refused.getMessage());
        }
        try {
            SwitchboardService.Running running = starting.join();
            running.system()
                    .log()
                    .info(
                            "Switchboard is answering webhooks on {}:{}",
                            running.binding().localAddress().getHostString(),
                            running.port());
            running.system().getWhenTerminated().toCompletableFuture().join();
            return 0;
        } catch (CompletionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            return printed(FAILED, "could not start: " + cause.getMessage());
        }
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
