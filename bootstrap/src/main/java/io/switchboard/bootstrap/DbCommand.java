package io.switchboard.bootstrap;

import picocli.CommandLine.Command;

/** {@code db}: the journal's database; the work is done by its subcommands. */
@Command(
        name = "db",
        mixinStandardHelpOptions = true,
        description = "The database of the durable entities' journal.",
        subcommands = {DbInitCommand.class})
final class DbCommand {}
