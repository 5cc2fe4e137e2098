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
import scala.jdk.javaapi.FutureConverters;
import scala.runtime.BoxedUnit;
import slick.dbio.DBIOAction;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;
import slick.jdbc.SimpleJdbcAction;
import slick.jdbc.hikaricp.HikariCPJdbcDataSource;

/**
 * The journal's writes on H2, acknowledged only once they are in the database file. H2 2.x (MVStore) commits a
 * transaction in memory: the file gets it when the store's background writer next saves (every
 * {@code WRITE_DELAY}, 500 ms by default) or when enough unsaved changes pile up, so a process killed in between
 * loses commits it had confirmed. After each batch of events (one transaction, however many entities' events it
 * holds: the plugin's write queue batches them) this saves the store ({@code CHECKPOINT}) before the write
 * counts as done.
 *
 * <p>That holds only with {@code WRITE_DELAY=0}, which the service puts in every H2 URL: the background writer
 * saves asynchronously, and a {@code CHECKPOINT} that finds its save under way returns before that save has
 * reached the file. Without the writer every save is written by the thread that makes it, before any other
 * starts. The file is written, not forced to the disk: see docs/operations.md.
 */
public final class H2FlushingJournalDao extends DefaultJournalDao {

    /** Saves the store; needs an admin user. */
    static final String FLUSH = "CHECKPOINT";

    private final SimpleJdbcAction<BoxedUnit> flush = SimpleJdbcAction.apply(H2FlushingJournalDao::flush);

    /** Called by the plugin (jdbc-journal.dao) with these arguments, by their types. */
    public H2FlushingJournalDao(
            JdbcBackend.DatabaseDef db,
            JdbcProfile profile,
            JournalConfig journalConfig,
            Serialization serialization,
            ExecutionContext ec,
            Materializer mat) {
        super(db, profile, journalConfig, serialization, ec, mat);
    }

    @Override
    public Future<BoxedUnit> writeJournalRows(
            Seq<Tuple2<JournalTables.JournalAkkaSerializationRow, Set<String>>> rows) {
        return FutureConverters.asScala(FutureConverters.asJava(super.writeJournalRows(rows))
                .thenCompose(committed -> FutureConverters.asJava(save()))
                .whenComplete((saved, failed) -> {
                    if (failed != null) {
                        replaceConnections();
                    }
                }));
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

    /** Runs {@link #FLUSH} on a connection of the journal's pool, in auto-commit mode. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Future<BoxedUnit> save() {
        // Slick's effect type parameter is contravariant, which Java cannot say: the raw type runs any action.
        return db().run((DBIOAction) flush);
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
