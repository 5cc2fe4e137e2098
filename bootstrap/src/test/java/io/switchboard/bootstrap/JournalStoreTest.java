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
        Config plugin = store.applyTo(ConfigFactory.load());
        assertEquals(H2FlushingJournalDao.class.getName(), plugin.getString("jdbc-journal.dao"));
        assertEquals(1, plugin.getInt("jdbc-journal.parallelism"), "one batch at a time: H2 saves one at a time");
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
        Config plugin = store.applyTo(ConfigFactory.load());
        assertEquals(
                "org.postgresql.Driver", plugin.getString("akka-persistence-jdbc.shared-databases.slick.db.driver"));
        assertEquals(2, plugin.getInt("jdbc-journal.parallelism"), "a batch is written while another commits");
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
        JournalStore store = initialisedH2File();

        assertEquals(
                List.of(
                        "event_journal.event_payload BINARY VARYING",
                        "event_journal.meta_payload BINARY VARYING",
                        "snapshot.meta_payload BINARY VARYING",
                        "snapshot.snapshot_payload BINARY VARYING"),
                rows(
                        store,
                        "SELECT TABLE_NAME || '.' || COLUMN_NAME || ' ' || DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                                + " WHERE COLUMN_NAME LIKE '%payload' ORDER BY 1"));
    }

    @Test
    void h2NumbersTheJournalFromACacheAndKeepsItsRowsInThatOrderWithOneIndexBeside() throws Exception {
        JournalStore store = initialisedH2File();

        assertEquals(List.of(String.valueOf(JournalStore.ORDERING_CACHE)), orderingCache(store));
        assertEquals(
                List.of("PRIMARY KEY (ordering)", "UNIQUE INDEX (persistence_id, sequence_number)"),
                journalIndexes(store));
    }

    @Test
    void anH2FileMadeWithThePluginsTablesIsGivenTheCacheAndKeepsItsIndexes() throws Exception {
        JournalStore store = JournalStore.from(h2File());
        try (Connection connection = DriverManager.getConnection(store.url(), store.user(), store.password());
                Statement statement = connection.createStatement()) {
            // The tables of akka-persistence-jdbc's own H2 DDL, as the plugin ships it.
            statement.execute("RUNSCRIPT FROM 'classpath:schema/h2/h2-create-schema.sql'");
        }
        assertEquals(List.of("32"), orderingCache(store), "H2's default");

        initialisedH2File();

        assertEquals(List.of(String.valueOf(JournalStore.ORDERING_CACHE)), orderingCache(store));
        assertEquals(
                List.of("PRIMARY KEY (persistence_id, sequence_number)", "UNIQUE INDEX (ordering)"),
                journalIndexes(store));
    }

    /** The data directory's H2 file. */
    private Config h2File() {
        return config("switchboard.durability.data-dir = \"" + dataDir + "\"");
    }

    /** The data directory's H2 file, its tables made (or given what they lack) by {@code db init}. */
    private JournalStore initialisedH2File() {
        Config config = h2File();
        assertEquals(
                0, DbInitCommand.initialise(config, new PrintWriter(new StringWriter()), new PrintWriter(System.err)));
        return JournalStore.from(config);
    }

    private static List<String> orderingCache(JournalStore store) throws Exception {
        return rows(
                store,
                "SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE TABLE_NAME = 'event_journal' AND COLUMN_NAME = 'ordering'");
    }

    /** Each index of the journal table as its kind and its columns, in order. */
    private static List<String> journalIndexes(JournalStore store) throws Exception {
        return rows(
                store,
                "SELECT i.INDEX_TYPE_NAME || ' ('"
                        + " || LISTAGG(c.COLUMN_NAME, ', ') WITHIN GROUP (ORDER BY c.ORDINAL_POSITION) || ')'"
                        + " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c"
                        + " ON c.INDEX_NAME = i.INDEX_NAME AND c.TABLE_NAME = i.TABLE_NAME"
                        + " WHERE i.TABLE_NAME = 'event_journal' GROUP BY i.INDEX_NAME, i.INDEX_TYPE_NAME ORDER BY 1");
    }

    /** The one column {@code query} selects from {@code store}, row by row. */
    private static List<String> rows(JournalStore store, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(store.url(), store.user(), store.password());
                Statement statement = connection.createStatement();
                ResultSet selected = statement.executeQuery(query)) {
            while (selected.next()) {
                rows.add(selected.getString(1));
            }
        }
        return rows;
    }
}
