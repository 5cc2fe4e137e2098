package io.switchboard.bootstrap;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code db init}: creates the journal's tables (akka-persistence-jdbc's own DDL for PostgreSQL, ours for H2) where
 * they are missing, in the database the service would use (SWITCHBOARD_DB_URL, or the H2 file of SWITCHBOARD_DATA_DIR),
 * then checks that every one is there. Safe to run again. Exits 0 when the tables are ready, 1 when they are not,
 * 2 when the configuration names no database it supports.
 */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = "Create the journal's tables where missing, in SWITCHBOARD_DB_URL's database (PostgreSQL) or "
                + "the H2 file of SWITCHBOARD_DATA_DIR; safe to run again.")
final class DbInitCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return initialise(
                SwitchboardConfig.load(),
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** Creates and checks the tables of the store {@code config} names; reports to {@code out} or {@code err}. */
    static int initialise(Config config, PrintWriter out, PrintWriter err) {
        JournalStore store;
        try {
            store = JournalStore.from(config);
        } catch (IllegalArgumentException unsupported) {
            err.println(unsupported.getMessage());
            err.flush();
            return 2;
        }
        // A local actor system only to run the DDL: it joins no cluster and binds no port.
        Config local = ConfigFactory.parseString("""
                akka.actor.provider = local
                akka.coordinated-shutdown.exit-jvm = off
                akka.loglevel = WARNING
                """).withFallback(store.applyTo(config));
        Duration deadline = config.getDuration("switchboard.durability.db.init-timeout");
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "switchboard-db-init", local);
        try {
            store.createTables(system).toCompletableFuture().get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            store.requireTables(local);
            out.println("the journal's tables are ready in " + store);
            store.durabilityWarnings()
                    .forEach(warning -> err.println("warning: the journal may lose answered events: " + warning));
            return 0;
        } catch (Exception failed) {
            err.println("could not create the journal's tables in " + store + ": " + failed.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
            system.terminate();
            system.getWhenTerminated()
                    .toCompletableFuture()
                    .orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .join();
        }
    }
}
