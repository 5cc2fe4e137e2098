package io.switchboard.bootstrap;

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
        // With no subcommand the jar serves: the two README commands stay one word shorter.
        String[] effective = args.length == 0 ? new String[] {"serve"} : args;
        int exitCode = new CommandLine(new Main()).execute(effective);
        System.exit(exitCode);
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
