package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which database the journal lives in, what may be logged of it, and {@code db init}. */
class JournalStoreTest {

    @TempDir
    Path dataDir;

    private static Config config(String overrides) {
        return ConfigFactory.parseString(overrides)
                .withFallback(ConfigFactory.load())
                .resolve();
    }

    @Test
    void withoutADatabaseUrlTheJournalIsAnH2FileInTheDataDirectory() {
        JournalStore store = JournalStore.from(config("switchboard.durability.data-dir = \"" + dataDir + "\""));

        assertEquals(JournalStore.Kind.H2_FILE, store.kind());
        assertEquals(
                "jdbc:h2:file:" + dataDir.resolve("switchboard") + ";DATABASE_TO_UPPER=false;MODE=LEGACY;WRITE_DELAY=0",
                store.url());
        Config plugin = store.applyTo(ConfigFactory.load());
        assertFalse(
                plugin.getBoolean("jdbc-read-journal.includeLogicallyDeleted"),
                "the retention job's queries do not return what a purge deleted");
        assertEquals("slick.jdbc.H2Profile$", plugin.getString("akka-persistence-jdbc.shared-databases.slick.profile"));
        assertEquals(store.url(), plugin.getString("akka-persistence-jdbc.shared-databases.slick.db.url"));
    }

    @Test
    void theShippedH2FileWarnsOfNothingAndItsWritesAreSavedToTheFile() {
        JournalStore store = JournalStore.from(config("switchboard.durability.data-dir = \"" + dataDir + "\""));

        assertEquals(List.of(), store.durabilityWarnings());
        assertEquals(
                H2FlushingJournalDao.class.getName(),
                store.applyTo(ConfigFactory.load()).getString("jdbc-journal.dao"));
    }

    @Test
    void theDataFileIsOpenedFromItsNewestSaveBeforeTheServiceOpensItKeepingItsRows() throws Exception {
        JournalStore store = JournalStore.from(config("switchboard.durability.data-dir = \"" + dataDir + "\""));
        Path file = dataDir.resolve("switchboard.mv.db");
        store.recoverNewestSave();
        assertFalse(Files.exists(file), "a first start has no file to recover");

        try (Connection connection = DriverManager.getConnection(store.url(), store.user(), store.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (v INT)");
            statement.execute("INSERT INTO kept VALUES (7)");
            IllegalStateException inUse = assertThrows(IllegalStateException.class, store::recoverNewestSave);
            assertTrue(inUse.getMessage().contains(file.toString()), inUse.getMessage());
        }
        store.recoverNewestSave();
        try (Connection connection = DriverManager.getConnection(store.url(), store.user(), store.password());
                Statement statement = connection.createStatement();
                ResultSet kept = statement.executeQuery("SELECT v FROM kept")) {
            assertTrue(kept.next());
            assertEquals(7, kept.getInt(1));
        }
    }

    @Test
    void anH2UrlThatMayLoseAnsweredEventsIsWarnedAbout() {
        JournalStore store = JournalStore.from(
                config("switchboard.durability.db.url = \"jdbc:h2:mem:journal;FILE_LOCK=NO;WRITE_DELAY=500\""));

        String warnings = String.join("\n", store.durabilityWarnings());
        assertTrue(warnings.contains("in-memory"), warnings);
        assertTrue(warnings.contains("FILE_LOCK=NO"), warnings);
        assertTrue(warnings.contains("WRITE_DELAY other than 0"), warnings);
    }

    @Test
    void aPostgresUrlIsTheClustersDatabaseAndItsPasswordIsNeverShown() {
        JournalStore store = JournalStore.from(config("""
                switchboard.durability.db {
                  url = "jdbc:postgresql://db.example.test:5432/switchboard?ssl=true&password=in-url-secret"
                  user = "switchboard"
                  password = "pg-secret"
                }
                """));

        assertEquals(JournalStore.Kind.POSTGRES, store.kind());
        assertEquals(
                "org.postgresql.Driver",
                store.applyTo(ConfigFactory.load())
                        .getString("akka-persistence-jdbc.shared-databases.slick.db.driver"));
        String shown = store.toString();
        assertFalse(shown.contains("pg-secret") || shown.contains("in-url-secret"), shown);
        assertTrue(shown.contains("db.example.test") && shown.contains("as switchboard"), shown);
    }

    @Test
    void anotherDatabaseIsRefusedNamingTheVariable() {
        Config mysql = config("switchboard.durability.db.url = \"jdbc:mysql://db/switchboard\"");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> JournalStore.from(mysql));
        assertTrue(refused.getMessage().contains("SWITCHBOARD_DB_URL"), refused.getMessage());

        StringWriter err = new StringWriter();
        assertEquals(2, DbInitCommand.initialise(mysql, new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertTrue(err.toString().contains("SWITCHBOARD_DB_URL"), err.toString());
    }

    @Test
    void theH2FileIsRefusedToANodeThatJoinsACluster() {
        Config seeded = config("""
                akka.cluster.seed-nodes = ["akka://switchboard@127.0.0.1:25520"]
                """);
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> JournalStore.from(seeded).requireSingleNode(seeded));
        assertTrue(refused.getMessage().contains("SWITCHBOARD_DB_URL"), refused.getMessage());
        Config bootstrapped = config("switchboard.cluster.bootstrap = on");
        assertThrows(
                IllegalArgumentException.class,
                () -> JournalStore.from(bootstrapped).requireSingleNode(bootstrapped));

        Config shared = config("""
                akka.cluster.seed-nodes = ["akka://switchboard@127.0.0.1:25520"]
                switchboard.durability.db.url = "jdbc:postgresql://127.0.0.1/switchboard"
                """);
        JournalStore.from(shared).requireSingleNode(shared);
    }

    @Test
    void dbInitCreatesTheTablesAndCanRunAgain() throws Exception {
        Config config = config("switchboard.durability.data-dir = \"" + dataDir + "\"");
        for (int run = 1; run <= 2; run++) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();

            int exit = DbInitCommand.initialise(config, new PrintWriter(out), new PrintWriter(err));

            assertEquals(0, exit, "run " + run + ": " + err);
            assertTrue(out.toString().contains("the journal's tables are ready in H2 file"), out.toString());
        }
        assertTrue(Files.exists(dataDir.resolve("switchboard.mv.db")));
        JournalStore.from(config).requireTables(config);
    }

    @Test
    void h2KeepsEveryPayloadInItsRowNotInItsLobStorage() throws Exception {
        Config config = config("switchboard.durability.data-dir = \"" + dataDir + "\"");
        assertEquals(
                0, DbInitCommand.initialise(config, new PrintWriter(new StringWriter()), new PrintWriter(System.err)));
        JournalStore store = JournalStore.from(config);

        List<String> payloadTypes = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(store.url(), store.user(), store.password());
                Statement statement = connection.createStatement();
                ResultSet columns = statement.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE"
                        + " FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME LIKE '%payload' ORDER BY 1, 2")) {
            while (columns.next()) {
                payloadTypes.add(columns.getString(1) + "." + columns.getString(2) + " " + columns.getString(3));
            }
        }
        assertEquals(
                List.of(
                        "event_journal.event_payload BINARY VARYING",
                        "event_journal.meta_payload BINARY VARYING",
                        "snapshot.meta_payload BINARY VARYING",
                        "snapshot.snapshot_payload BINARY VARYING"),
                payloadTypes);
    }
}
