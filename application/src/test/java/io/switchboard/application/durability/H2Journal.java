package io.switchboard.application.durability;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.UUID;

/** The service's journal plugin (akka-persistence-jdbc) on an in-memory H2 database of a test's own. */
final class H2Journal {

    private H2Journal() {}

    /** The URL of a new in-memory H2 database named after {@code name}, kept until the JVM exits. */
    static String newUrl(String name) {
        return "jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;DATABASE_TO_UPPER=false;MODE=LEGACY";
    }

    /** Journal, snapshot store and read journal on the H2 database at {@code url}. */
    static Config config(String url) {
        return ConfigFactory.parseString("""
                akka.persistence.journal.plugin = "jdbc-journal"
                akka.persistence.snapshot-store.plugin = "jdbc-snapshot-store"
                jdbc-journal.use-shared-db = "slick"
                jdbc-snapshot-store.use-shared-db = "slick"
                jdbc-read-journal.use-shared-db = "slick"
                akka-persistence-jdbc.shared-databases.slick {
                  profile = "slick.jdbc.H2Profile$"
                  db {
                    url = "%s"
                    user = "sa"
                    password = ""
                    driver = "org.h2.Driver"
                    numThreads = 2
                    maxConnections = 2
                    minConnections = 1
                  }
                }
                """.formatted(url));
    }
}
