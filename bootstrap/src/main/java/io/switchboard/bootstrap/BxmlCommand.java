package io.switchboard.bootstrap;

import picocli.CommandLine.Command;

/** {@code bxml}: tools for BXML documents; the work is done by its subcommands. */
@Command(
        name = "bxml",
        mixinStandardHelpOptions = true,
        description = "Tools for BXML documents.",
        subcommands = {LintCommand.class})
final class BxmlCommand {}
