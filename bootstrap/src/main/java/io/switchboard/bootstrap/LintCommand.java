package io.switchboard.bootstrap;

import io.switchboard.adapters.bxml.BxmlLinter;
import io.switchboard.adapters.bxml.BxmlLinter.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bxml lint}: checks BXML files as Bandwidth would before running them, printing every problem with its
 * line, verb and attribute. Exits 0 when every file is valid, 1 when any is not, 2 on a usage error.
 */
@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = "Check BXML files; print every problem (file:line: message) and exit 1 if any file is invalid.")
final class LintCommand implements Callable<Integer> {

    /** The file name that stands for standard input. */
    static final String STDIN = "-";

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--event",
            paramLabel = "TYPE",
            description = "The event type the BXML answers (e.g. gather, transferAnswer, conferenceMemberJoin); "
                    + "applies that event's rules. Without it, only the rules every reply keeps.")
    private String eventType;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "BXML files to check; - reads standard input.")
    private List<String> files;

    private final InputStream stdin;

    LintCommand() {
        this(System.in);
    }

    LintCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws IOException {
        BxmlLinter linter = linter();
        PrintWriter out = spec.commandLine().getOut();
        int invalid = 0;
        int problems = 0;
        for (String file : files) {
            List<Finding> findings = STDIN.equals(file) ? linter.lint("<stdin>", stdin) : linter.lint(Path.of(file));
            findings.forEach(out::println);
            invalid += findings.isEmpty() ? 0 : 1;
            problems += findings.size();
        }
        out.println(files.size() + (files.size() == 1 ? " file" : " files") + " checked: "
                + (invalid == 0
                        ? "all valid"
                        : invalid + " invalid, " + problems + (problems == 1 ? " problem" : " problems")));
        out.flush();
        return invalid == 0 ? 0 : 1;
    }

    private BxmlLinter linter() {
        if (eventType == null) {
            return BxmlLinter.forAnyEvent();
        }
        try {
            return BxmlLinter.forEvent(eventType);
        } catch (IllegalArgumentException unknownEvent) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "Invalid value for option '--event': " + unknownEvent.getMessage());
        }
    }
}
