package io.switchboard.bootstrap;

import akka.persistence.jdbc.config.JournalConfig;
import akka.persistence.jdbc.journal.dao.DefaultJournalDao;
import akka.persistence.jdbc.journal.dao.JournalTables;
import akka.serialization.Serialization;
import akka.stream.Materializer;
import java.sql.SQLException;
import java.sql.Statement;
import scala.Tuple2;
import scala.collection.immutable.Seq;
import scala.collection.immutable.Set;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Future;
import scala.runtime.BoxedUnit;
import slick.dbio.DBIOAction;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;
import slick.jdbc.SimpleJdbcAction;
import slick.jdbc.hikaricp.HikariCPJdbcDataSource;

/**
 * The journal's writes on H2, acknowledged only once they are in the database file. H2 2.x (MVStore) commits a
 * transaction in memory: with its default {@code WRITE_DELAY} (500 ms) the file gets it when the store's
 * background writer next saves, so a process killed in between loses commits it had confirmed. With
 * {@code WRITE_DELAY=0}, which the service puts in every H2 URL, there is no background writer and H2 saves the
 * store synchronously at the end of every transaction that changed it, on the committing thread, before the
 * commit returns. Each batch of events (one transaction, however many entities' events it holds: the plugin's
 * write queue batches them) is followed on the same connection, in the same database action, by a
 * {@code CHECKPOINT}, which saves whatever that commit's own save left (a save H2 skips when another one is under
 * way): the write's future, and so every reply that waits for it, completes only after both. The file is
 * written, not forced to the disk: see docs/operations.md.
 */
public final class H2FlushingJournalDao extends DefaultJournalDao {

    /** Saves the store; needs an admin user. */
    static final String FLUSH = "CHECKPOINT";

    private static final SimpleJdbcAction<BoxedUnit> flush = SimpleJdbcAction.apply(H2FlushingJournalDao::flush);

    private final JdbcProfile profile;
    private final ExecutionContext ec;

    /** Called by the plugin (jdbc-journal.dao) with these arguments, by their types. */
    public H2FlushingJournalDao(
            JdbcBackend.DatabaseDef db,
            JdbcProfile profile,
            JournalConfig journalConfig,
            Serialization serialization,
            ExecutionContext ec,
            Materializer mat) {
        super(db, profile, journalConfig, serialization, ec, mat);
        this.profile = profile;
        this.ec = ec;
    }

    /** The batch's transaction and then the save, as one action on one connection; a failure of either fails it. */
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Future<BoxedUnit> writeJournalRows(
            Seq<Tuple2<JournalTables.JournalAkkaSerializationRow, Set<String>>> rows) {
        // Slick's effect type parameter is contravariant, which Java cannot say: the raw types compose any actions.
        DBIOAction insert = profile.api()
                .jdbcActionExtensionMethods(queries().writeJournalRows(rows, ec))
                .transactionally();
        DBIOAction writeThenSave = insert.andThen((DBIOAction) flush).withPinnedSession();
        Future<BoxedUnit> saved = db().run(writeThenSave);
        saved.failed()
                .foreach(
                        failed -> {
                            replaceConnections();
                            return BoxedUnit.UNIT;
                        },
                        ec);
        return saved;
    }

    /**
     * A database H2 closed (after an internal error such as an OutOfMemoryError, or {@code SHUTDOWN}) fails every
     * statement of the connections opened on it, and the pool keeps them, as their errors are not the ones it
     * takes for a lost connection. After a failed write the pool opens new connections, which open the file
     * again (H2 recovers it to its last save), so that a closed store comes back without a restart.
     */
    private void replaceConnections() {
        if (db().source() instanceof HikariCPJdbcDataSource pool) {
            pool.ds().getHikariPoolMXBean().softEvictConnections();
        }
    }

    private static BoxedUnit flush(JdbcBackend.JdbcActionContext context) {
        try (Statement statement = context.connection().createStatement()) {
            statement.execute(FLUSH);
            return BoxedUnit.UNIT;
        } catch (SQLException failed) {
            throw new IllegalStateException("could not save the H2 journal to its file", failed);
        }
    }
}
