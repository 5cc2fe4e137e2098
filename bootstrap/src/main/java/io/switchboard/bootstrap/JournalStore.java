package io.switchboard.bootstrap;

import akka.Done;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.persistence.jdbc.journal.dao.DefaultJournalDao;
import akka.persistence.jdbc.testkit.javadsl.SchemaUtils;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.switchboard.application.durability.JournalHealthCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.h2.engine.Constants;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The database the durable entities' journal (akka-persistence-jdbc) lives in: by default H2 in a file under
 * {@code switchboard.durability.data-dir}, the zero-setup store of a single node; otherwise the database at
 * {@code switchboard.durability.db.url}, PostgreSQL for a cluster (or an H2 server). The plugins themselves are
 * chosen in {@code application.conf}; this fills in the connection, creates H2's tables on start and checks that
 * the tables are there before any entity uses them. On H2 the journal's writes go through
 * {@link H2FlushingJournalDao}, so that an acknowledged event is in the file; a database configured to confirm
 * commits it may lose is named in a warning at start.
 *
 * @param url      the JDBC URL; never holds the password
 * @param password never logged: {@link #toString()} leaves it out
 */
record JournalStore(Kind kind, String url, String user, String password) {

    enum Kind {
        /** H2 in a file of the data directory: one node only (the file is locked by the process). */
        H2_FILE("slick.jdbc.H2Profile$", "org.h2.Driver"),
        /** H2 at a URL of the operator's choice (a server, say). */
        H2("slick.jdbc.H2Profile$", "org.h2.Driver"),
        POSTGRES("slick.jdbc.PostgresProfile$", "org.postgresql.Driver");

        private final String profile;
        private final String driver;

        Kind(String profile, String driver) {
            this.profile = profile;
            this.driver = driver;
        }

        boolean isH2() {
            return this != POSTGRES;
        }
    }

    /**
     * The H2 settings akka-persistence-jdbc 5.0.4's H2 DDL needs on H2 2.x (quoted lower-case names, its keys),
     * and the one that makes every save of the store synchronous, so that {@link H2FlushingJournalDao}'s save is
     * in the file when it returns.
     */
    static final List<String> H2_SETTINGS = List.of("DATABASE_TO_UPPER=false", "MODE=LEGACY", "WRITE_DELAY=0");

    /** The plugin's tables the entities use: the journal, the tags the retention job reads, the snapshots. */
    private static final List<String> TABLES = List.of(
            "jdbc-journal.tables.event_journal.tableName",
            "jdbc-journal.tables.event_tag.tableName",
            "jdbc-snapshot-store.tables.snapshot.tableName");

    /**
     * H2's tables, created where missing: the columns akka-persistence-jdbc reads and writes, with every payload a
     * {@code VARBINARY} where the plugin's own DDL has a {@code BLOB}. H2 keeps a {@code BLOB} of more than 256 bytes
     * (every entry here: ~830 bytes) apart from its row, in its LOB storage: a second write for each entry stored and
     * a second read for each replayed. A file made with the plugin's DDL keeps its {@code BLOB}s and works as before.
     */
    static final List<String> H2_TABLES = List.of("""
            CREATE TABLE IF NOT EXISTS "event_journal" (
              "ordering" BIGINT NOT NULL AUTO_INCREMENT,
              "deleted" BOOLEAN DEFAULT FALSE NOT NULL,
              "persistence_id" VARCHAR(255) NOT NULL,
              "sequence_number" BIGINT NOT NULL,
              "writer" VARCHAR NOT NULL,
              "write_timestamp" BIGINT NOT NULL,
              "adapter_manifest" VARCHAR NOT NULL,
              "event_payload" VARBINARY NOT NULL,
              "event_ser_id" INTEGER NOT NULL,
              "event_ser_manifest" VARCHAR NOT NULL,
              "meta_payload" VARBINARY,
              "meta_ser_id" INTEGER,
              "meta_ser_manifest" VARCHAR,
              PRIMARY KEY ("persistence_id", "sequence_number"))""", """
            CREATE UNIQUE INDEX IF NOT EXISTS "event_journal_ordering_idx" ON "event_journal" ("ordering")""", """
            CREATE TABLE IF NOT EXISTS "event_tag" (
              "event_id" BIGINT NOT NULL,
              "tag" VARCHAR NOT NULL,
              PRIMARY KEY ("event_id", "tag"),
              CONSTRAINT "event_tag_event" FOREIGN KEY ("event_id") REFERENCES "event_journal" ("ordering")
                ON DELETE CASCADE)""", """
            CREATE TABLE IF NOT EXISTS "snapshot" (
              "persistence_id" VARCHAR(255) NOT NULL,
              "sequence_number" BIGINT NOT NULL,
              "created" BIGINT NOT NULL,
              "snapshot_ser_id" INTEGER NOT NULL,
              "snapshot_ser_manifest" VARCHAR NOT NULL,
              "snapshot_payload" VARBINARY NOT NULL,
              "meta_ser_id" INTEGER,
              "meta_ser_manifest" VARCHAR,
              "meta_payload" VARBINARY,
              PRIMARY KEY ("persistence_id", "sequence_number"))""");

    /**
     * The plugin picks its DDL by the DAO a journal section names, and takes any other for its legacy schema:
     * PostgreSQL's tables are created through this section, which names the plugin's default DAO.
     */
    private static final String SCHEMA_SECTION = "switchboard-journal-schema";

    JournalStore {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** The store {@code switchboard.durability} names; refuses a URL of a database it does not support. */
    static JournalStore from(Config config) {
        Config durability = config.getConfig("switchboard.durability");
        String url = durability.getString("db.url").trim();
        String user = durability.getString("db.user");
        String password = durability.getString("db.password");
        if (url.isEmpty()) {
            Path file = Path.of(durability.getString("data-dir"))
                    .toAbsolutePath()
                    .normalize()
                    .resolve("switchboard");
            return new JournalStore(
                    Kind.H2_FILE, withH2Settings("jdbc:h2:file:" + file), user.isEmpty() ? "sa" : user, password);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new JournalStore(Kind.POSTGRES, url, user, password);
        }
        if (url.startsWith("jdbc:h2:")) {
            return new JournalStore(Kind.H2, withH2Settings(url), user, password);
        }
        throw new IllegalArgumentException("switchboard.durability.db.url (SWITCHBOARD_DB_URL) must be a PostgreSQL"
                + " (jdbc:postgresql:) or H2 (jdbc:h2:) JDBC URL, or empty for H2 in SWITCHBOARD_DATA_DIR; was "
                + withoutPassword(url));
    }

    /** The data directory's H2 file can serve one process: a node that would share its calls is refused. */
    void requireSingleNode(Config config) {
        boolean clustered = config.getBoolean("switchboard.cluster.bootstrap")
                || !config.getStringList("akka.cluster.seed-nodes").isEmpty();
        if (kind == Kind.H2_FILE && clustered) {
            throw new IllegalArgumentException("the journal in SWITCHBOARD_DATA_DIR (H2 in a file) serves a single"
                    + " node; a cluster needs a shared database (SWITCHBOARD_DB_URL, PostgreSQL), or"
                    + " SWITCHBOARD_DURABILITY=memory");
        }
    }

    /** {@code config} with this store as akka-persistence-jdbc's shared database. */
    Config applyTo(Config config) {
        String db = "akka-persistence-jdbc.shared-databases.slick.db.";
        Config journalDao = kind.isH2()
                ? ConfigFactory.parseMap(Map.of("jdbc-journal.dao", H2FlushingJournalDao.class.getName()))
                : ConfigFactory.empty();
        return journalDao
                .withFallback(ConfigFactory.parseMap(Map.of(
                        "akka.management.health-checks.readiness-checks.journal",
                        JournalHealthCheck.Readiness.class.getName(),
                        "akka.management.health-checks.liveness-checks.journal",
                        JournalHealthCheck.Liveness.class.getName())))
                .withFallback(ConfigFactory.parseMap(Map.of(
                        SCHEMA_SECTION + ".use-shared-db",
                        "slick",
                        SCHEMA_SECTION + ".dao",
                        DefaultJournalDao.class.getName())))
                .withValue(
                        "akka-persistence-jdbc.shared-databases.slick.profile",
                        ConfigValueFactory.fromAnyRef(kind.profile))
                .withValue(db + "url", ConfigValueFactory.fromAnyRef(url))
                .withValue(db + "user", ConfigValueFactory.fromAnyRef(user))
                .withValue(db + "password", ConfigValueFactory.fromAnyRef(password))
                .withValue(db + "driver", ConfigValueFactory.fromAnyRef(kind.driver))
                .withFallback(config);
    }

    /**
     * Gets the store ready before any entity uses it: H2's tables are created if missing (PostgreSQL's are the
     * operator's, through {@code db init}), then every table is checked, as the plugin's schema creation only
     * logs its failures, and whatever weakens durability is logged. Fails with what to do when a table is missing.
     */
    CompletionStage<Done> prepare(ActorSystem<?> system) {
        CompletionStage<Done> created =
                kind.isH2() ? createTables(system) : CompletableFuture.completedFuture(Done.getInstance());
        return created.thenApplyAsync(
                done -> {
                    requireTables(system.settings().config());
                    durabilityWarnings()
                            .forEach(warning -> system.log().warn("the journal may lose answered events: {}", warning));
                    return Done.getInstance();
                },
                system.dispatchers().lookup(DispatcherSelector.blocking()));
    }

    /**
     * Before anything else opens it, the data directory's H2 file is opened from the newest save it holds and
     * closed cleanly. H2 (2.5) may write a save into free space of the file where its recovery after a crash does
     * not look: the file's header then still names the save before, and a process killed at that moment would
     * come back without the last commits it confirmed (1 trial in 40 of AnsweredEventsSurviveSigkillIT). Opened
     * in H2's recovery mode, the store reads every save in the file and starts from the newest complete one; closed,
     * its header names it, so the database then opens from there.
     */
    void recoverNewestSave() {
        if (kind != Kind.H2_FILE) {
            return;
        }
        Path database = createDataDirectory();
        Path file = database.resolveSibling(database.getFileName() + Constants.SUFFIX_MV_FILE);
        if (!Files.exists(file)) {
            return;
        }
        try {
            new MVStore.Builder()
                    .fileName(file.toString())
                    .recoveryMode()
                    .open()
                    .close();
        } catch (MVStoreException unreadable) {
            throw new IllegalStateException(
                    "could not open the H2 file " + file + ": " + unreadable.getMessage(), unreadable);
        }
    }

    /**
     * Creates the plugin's tables that do not exist yet: with the DDL the plugin ships for PostgreSQL, with
     * {@link #H2_TABLES} for H2 (on a thread that may block).
     */
    CompletionStage<Done> createTables(ActorSystem<?> system) {
        if (!kind.isH2()) {
            return SchemaUtils.createIfNotExists(SCHEMA_SECTION, system);
        }
        return CompletableFuture.supplyAsync(
                () -> {
                    if (kind == Kind.H2_FILE) {
                        // Compacts the file (H2 does on a clean close), which grows while the node runs
                        // (docs/operations.md).
                        execute(List.of("SHUTDOWN"), "open and close the H2 file cleanly");
                    }
                    return execute(H2_TABLES, "create the journal's tables");
                },
                system.dispatchers().lookup(DispatcherSelector.blocking()));
    }

    /**
     * What makes this database confirm commits that a killed process or a lost server may lose, each said in a
     * sentence for the operator; none for the shipped stores. Asks PostgreSQL itself, as synchronous_commit may
     * come from the URL, the role, the database or the server.
     */
    List<String> durabilityWarnings() {
        List<String> warnings = new ArrayList<>();
        String settings = url.toUpperCase(Locale.ROOT);
        if (kind == Kind.H2 && url.startsWith("jdbc:h2:mem:")) {
            warnings.add("the journal is an in-memory H2 database: nothing survives the process");
        }
        if (kind.isH2() && settings.contains(";FILE_LOCK=NO")) {
            warnings.add("FILE_LOCK=NO lets a second process open the H2 file and corrupt it");
        }
        if (kind.isH2() && !(settings + ";").contains(";WRITE_DELAY=0;")) {
            warnings.add("a WRITE_DELAY other than 0 lets H2 save commits asynchronously, after it confirmed them");
        }
        if (kind == Kind.POSTGRES) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement statement = connection.createStatement()) {
                warnIf(statement, "synchronous_commit", "off", warnings);
                warnIf(statement, "fsync", "off", warnings);
            } catch (SQLException unreachable) {
                warnings.add("could not read synchronous_commit and fsync: " + unreachable.getMessage());
            }
        }
        return warnings;
    }

    private static void warnIf(Statement statement, String setting, String weak, List<String> warnings)
            throws SQLException {
        try (ResultSet value = statement.executeQuery("SHOW " + setting)) {
            if (value.next() && value.getString(1).equalsIgnoreCase(weak)) {
                warnings.add(setting + " = " + weak + ": PostgreSQL confirms commits it may lose");
            }
        }
    }

    private Done execute(List<String> statements, String purpose) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            return Done.getInstance();
        } catch (SQLException failed) {
            throw new IllegalStateException(
                    "could not " + purpose + " in " + this + ": " + failed.getMessage(), failed);
        }
    }

    /** Fails, naming the missing tables and the command that creates them, unless every table is there. */
    Done requireTables(Config config) {
        List<String> missing = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            for (String path : TABLES) {
                String table = config.getString(path);
                try {
                    statement.execute("SELECT 1 FROM \"" + table + "\" WHERE 1 = 0");
                } catch (SQLException absent) {
                    missing.add(table);
                }
            }
        } catch (SQLException unreachable) {
            throw new IllegalStateException(
                    "cannot reach the journal's database " + this + ": " + unreachable.getMessage(), unreachable);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the journal's tables " + missing + " are missing in " + this
                    + "; create them with `java -jar switchboard.jar db init` (docs/operations.md)");
        }
        // A user who may not CHECKPOINT could store nothing durably: refused now rather than on the first event.
        return kind.isH2()
                ? execute(List.of(H2FlushingJournalDao.FLUSH), "save the H2 file (needs an admin user)")
                : Done.getInstance();
    }

    /** The data directory's database, without H2's file suffix; its directory is created if missing. */
    private Path createDataDirectory() {
        Path file = Path.of(url.substring("jdbc:h2:file:".length(), url.indexOf(';')));
        try {
            Files.createDirectories(file.getParent());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create the data directory " + file.getParent() + " (SWITCHBOARD_DATA_DIR)", e);
        }
    }

    private static String withH2Settings(String url) {
        StringBuilder full = new StringBuilder(url);
        for (String setting : H2_SETTINGS) {
            String key = setting.substring(0, setting.indexOf('=') + 1);
            if (!url.toUpperCase(Locale.ROOT).contains(";" + key)) {
                full.append(';').append(setting);
            }
        }
        return full.toString();
    }

    /** What a log line or an error may show: the database and the user, never the password. */
    @Override
    public String toString() {
        Map<Kind, String> names = Map.of(Kind.H2_FILE, "H2 file", Kind.H2, "H2", Kind.POSTGRES, "PostgreSQL");
        return names.get(kind) + " " + withoutPassword(url) + (user.isEmpty() ? "" : " as " + user);
    }

    /** A password may also come as a URL parameter. */
    private static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
