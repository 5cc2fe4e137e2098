package io.switchboard.bootstrap;

import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The runnable jar: {@code java -jar switchboard.jar [serve | bxml lint ... | simulate ... | db init | call ...]}. */
@Command(
        name = "switchboard",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Answers Bandwidth Voice webhooks with BXML, one ordered entity per call.",
        subcommands = {ServeCommand.class, BxmlCommand.class, SimulateCommand.class, DbCommand.class, CallCommand.class
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(serving(args) ? tail(args) : args));
    }

    /**
     * With no subcommand the jar serves: the two README commands stay one word shorter. Serving builds only the
     * {@code serve} command: picocli would otherwise inspect every subcommand's classes and options before the
     * service starts, time spent on the way to ready. For the same reason logback reads its configuration on
     * another thread meanwhile; {@code serve} waits for it before anything can log. And the JDK's default TLS
     * context is made on a third: akka-http's server asks for it even on a plain-HTTP port (a TLS session stands
     * in for the missing one), and making it reads the JDK's trust store, ~0.15 s on the way to ready otherwise.
     */
    static CommandLine commandLine(String[] args) {
        if (!serving(args)) {
            return new CommandLine(new Main());
        }
        ServeCommand serve = new ServeCommand();
        serve.loggingConfigured = CompletableFuture.runAsync(LoggerFactory::getILoggerFactory);
        CompletableFuture.runAsync(Main::makeDefaultTlsContext);
        return new CommandLine(serve).setCommandName("switchboard serve");
    }

    /** The default context, made once and kept by the JDK; one it cannot make fails where it is needed, not here. */
    private static void makeDefaultTlsContext() {
        try {
            SSLContext.getDefault().createSSLEngine().getSession();
        } catch (NoSuchAlgorithmException | RuntimeException unavailable) {
            // The bind asks again and reports it.
        }
    }

    static boolean serving(String[] args) {
        return args.length == 0 || args[0].equals("serve");
    }

    private static String[] tail(String[] args) {
        return args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"switchboard " + (version == null ? "(development build)" : version)};
        }
    }
}
