package io.switchboard.bootstrap;

import com.typesafe.config.Config;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.adapters.bandwidth.BandwidthSettings;
import io.switchboard.domain.control.CallControl;
import io.switchboard.domain.control.CreateCall;
import io.switchboard.domain.control.CreatedCall;
import io.switchboard.domain.control.InvalidRequestException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code call}: places one outbound call through Bandwidth's Voice API (SWITCHBOARD_BANDWIDTH_*) and prints its
 * id. Callbacks it leaves out go to this service under SWITCHBOARD_PUBLIC_URL, so the call runs through the
 * service's flow. Exits 0 with the id, 1 when Bandwidth refused or did not answer, 2 for a value refused before
 * anything was sent or no call control configured.
 */
@Command(
        name = "call",
        mixinStandardHelpOptions = true,
        description = "Place an outbound call through Bandwidth's Voice API and print its id. Configure with "
                + "SWITCHBOARD_BANDWIDTH_* and SWITCHBOARD_PUBLIC_URL (where its callbacks go).")
final class CallCommand implements Callable<Integer> {

    @Option(names = "--to", required = true, description = "E.164 number or sip: URI to call")
    String to;

    @Option(names = "--from", required = true, description = "a Bandwidth number of the account, E.164")
    String from;

    @Option(names = "--answer-url", description = "where the answer webhook goes (default: this service)")
    String answerUrl;

    @Option(names = "--disconnect-url", description = "where the disconnect webhook goes (default: this service)")
    String disconnectUrl;

    @Option(names = "--machine-detection", description = "answering-machine detection: async or sync")
    String machineDetection;

    @Option(names = "--tag", description = "sent with every webhook of the call")
    String tag;

    @Option(names = "--application-id", description = "default: SWITCHBOARD_BANDWIDTH_APPLICATION_ID")
    String applicationId;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return place(
                SwitchboardConfig.load(),
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** Places the call the options describe with the call control {@code config} names; reports to out or err. */
    int place(Config config, PrintWriter out, PrintWriter err) {
        try {
            CreateCall request = request();
            Optional<BandwidthSettings> settings = CallControlConfig.settings(config);
            if (settings.isEmpty()) {
                return fail(
                        err, 2, "call control is off: set SWITCHBOARD_BANDWIDTH_ACCOUNT_ID, _USERNAME and _PASSWORD");
            }
            CallControl callControl = CallControlConfig.callControl(settings, new SimpleMeterRegistry());
            Duration deadline = settings.get()
                    .requestTimeout()
                    .multipliedBy(settings.get().retry().maxAttempts())
                    .plus(settings.get().retry().maxRetryAfter());
            CreatedCall created = callControl
                    .createCall(request)
                    .toCompletableFuture()
                    .get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            out.println(created.callId());
            out.flush();
            return 0;
        } catch (IllegalArgumentException refused) {
            return fail(err, 2, refused.getMessage());
        } catch (java.util.concurrent.ExecutionException | CompletionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            return fail(err, cause instanceof InvalidRequestException ? 2 : 1, cause.getMessage());
        } catch (java.util.concurrent.TimeoutException | InterruptedException unanswered) {
            return fail(err, 1, "no answer from call control: the call may have been placed");
        }
    }

    private CreateCall request() {
        return CreateCall.builder(to, from)
                .applicationId(applicationId)
                .answerUrl(answerUrl)
                .disconnectUrl(disconnectUrl)
                .machineDetectionMode(machineDetection)
                .tag(tag)
                .build();
    }

    private static int fail(PrintWriter err, int status, String message) {
        err.println(message);
        err.flush();
        return status;
    }
}
