package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    @Test
    void servingBuildsTheServeCommandAloneUnderItsFullName() {
        for (String[] args : new String[][] {{}, {"serve"}, {"serve", "--flow", "com.example.Flow"}}) {
            CommandLine cli = Main.commandLine(args);

            assertInstanceOf(ServeCommand.class, cli.getCommand());
            assertTrue(
                    cli.getSubcommands().isEmpty(),
                    () -> "subcommands: " + cli.getSubcommands().keySet());
            assertEquals("switchboard serve", cli.getCommandName());
        }
    }

    @Test
    void anotherCommandGetsEverySubcommand() {
        CommandLine cli = Main.commandLine(new String[] {"bxml", "lint", "flow.xml"});

        assertInstanceOf(Main.class, cli.getCommand());
        assertTrue(cli.getSubcommands().keySet().containsAll(List.of("serve", "bxml", "simulate", "db", "call")));
    }

    @Test
    void serveHelpStillNamesTheJarAndItsOptions() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine(new String[] {"serve", "--help"}).setOut(new PrintWriter(out));

        int exitCode = cli.execute("--help");

        assertEquals(0, exitCode);
        assertTrue(out.toString().contains("Usage: switchboard serve"), out::toString);
        assertTrue(out.toString().contains("--flow=CLASS"), out::toString);
    }
}
