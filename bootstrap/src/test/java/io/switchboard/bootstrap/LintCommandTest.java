package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code switchboard bxml lint} as a user runs it: arguments in, printed findings and exit code out. */
class LintCommandTest {

    private static final String VALID = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Response>
                <Gather gatherUrl="/voice/gather" maxDigits="1">
                    <SpeakSentence>Press 1 for sales.</SpeakSentence>
                </Gather>
            </Response>
            """;

    private static final String INVALID = """
            <Response>
                <Gather maxDigits="0"/>
                <Redirect redirectUrl="/next"/>
                <Hangup/>
            </Response>
            """;

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {}

    /** Runs the jar's command line in-process, with {@code stdin} as standard input. */
    private static Run run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == LintCommand.class
                        ? type.cast(new LintCommand(stdin))
                        : CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine cli = new CommandLine(new Main(), factory);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static Run run(String... args) {
        return run(InputStream.nullInputStream(), args);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void validFilesExitZero() throws IOException {
        Path menu = file("menu.xml", VALID);
        Path hangup = file("hangup.xml", "<Response><Hangup/></Response>");

        Run run = run("bxml", "lint", menu.toString(), hangup.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("2 files checked: all valid" + System.lineSeparator(), run.out());
    }

    @Test
    void everyProblemIsPrintedWithFileLineVerbAndAttributeAndTheExitCodeIsOne() throws IOException {
        Path valid = file("valid.xml", VALID);
        Path invalid = file("invalid.xml", INVALID);

        Run run = run("bxml", "lint", valid.toString(), invalid.toString());

        assertEquals(1, run.exitCode());
        assertEquals(
                String.join(
                        System.lineSeparator(),
                        invalid + ":2: <Gather> is invalid: Gather: maxDigits must be between 1 and 50, was 0",
                        invalid + ":4: [nothing-after-redirect] <Hangup> follows a <Redirect> and would never run: "
                                + "Bandwidth leaves the document at the Redirect",
                        "2 files checked: 1 invalid, 2 problems",
                        ""),
                run.out());
    }

    @Test
    void aDashReadsStandardInput() {
        Run run = run(new ByteArrayInputStream(INVALID.getBytes(StandardCharsets.UTF_8)), "bxml", "lint", "-");

        assertEquals(1, run.exitCode());
        assertTrue(run.out().startsWith("<stdin>:2: <Gather> is invalid"), run.out());
    }

    @Test
    void theEventOptionAppliesThatEventsRules() throws IOException {
        Path menu = file("menu.xml", VALID);

        Run onJoin = run("bxml", "lint", "--event", "conferenceMemberJoin", menu.toString());
        Run onGather = run("bxml", "lint", "--event", "gather", menu.toString());

        assertEquals(1, onJoin.exitCode());
        assertTrue(
                onJoin.out()
                        .startsWith(
                                menu + ":3: [conference-verbs-only] <Gather> may not answer a conference" + " event"),
                onJoin.out());
        assertEquals(0, onGather.exitCode(), onGather.out());
    }

    @Test
    void anEventWithoutABxmlReplyIsAUsageError() throws IOException {
        Path menu = file("menu.xml", VALID);

        Run run = run("bxml", "lint", "--event", "disconnect", menu.toString());

        assertEquals(2, run.exitCode());
        assertTrue(
                run.err()
                        .startsWith("Invalid value for option '--event': Bandwidth runs no BXML in reply to an "
                                + "event 'disconnect'; event types whose reply is BXML: answer, bridgeComplete,"),
                run.err());
        assertTrue(run.err().contains("Usage: switchboard bxml lint"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aFileThatCannotBeReadIsInvalid() {
        Path missing = dir.resolve("missing.xml");

        Run run = run("bxml", "lint", missing.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.out().startsWith(missing + ": cannot be read: java.nio.file.NoSuchFileException"), run.out());
    }

    @Test
    void withoutFilesOrSubcommandTheUsageIsShown() {
        Run noFiles = run("bxml", "lint");
        Run noSubcommand = run("bxml");

        assertEquals(2, noFiles.exitCode());
        assertTrue(noFiles.err().startsWith("Missing required parameter: 'FILE'"), noFiles.err());
        assertEquals(2, noSubcommand.exitCode());
        assertTrue(noSubcommand.err().startsWith("Missing required subcommand"), noSubcommand.err());
    }
}
