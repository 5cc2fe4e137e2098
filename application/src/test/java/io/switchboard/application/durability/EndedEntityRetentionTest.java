package io.switchboard.application.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.jdbc.testkit.javadsl.SchemaUtils;
import com.typesafe.config.ConfigFactory;
import io.switchboard.application.SampleEvents;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.application.sharding.ClusterMembership;
import io.switchboard.application.sharding.EntityKeys;
import io.switchboard.application.sharding.EntityRegistration;
import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.call.CallEnding;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceCompleted;
import io.switchboard.domain.conference.ConferenceCreated;
import io.switchboard.domain.conference.ConferenceDetails;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.entity.EntityInspection;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.VoiceEntity;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The retention job against the service's real journal plugin (akka-persistence-jdbc) on H2: calls and
 * conferences that ended longer ago than the retention lose their events and snapshots; recently ended and live
 * ones keep theirs. The sweep runs every few hundred milliseconds; the test waits for it with awaitAssert.
 */
class EndedEntityRetentionTest {
    private static final String H2_URL = H2Journal.newUrl("retention");
    private static final Duration RETENTION = Duration.ofDays(7);
    private static final ActorTestKit testKit = ActorTestKit.create(ConfigFactory.parseString("""
            akka.loglevel = WARNING
            akka.actor.provider = cluster
            akka.remote.artery.canonical.hostname = 127.0.0.1
            akka.remote.artery.canonical.port = 0
            jdbc-read-journal.includeLogicallyDeleted = false
            jdbc-read-journal.refresh-interval = 100ms
            jdbc-read-journal.journal-sequence-retrieval.query-delay = 100ms
            switchboard.durability {
              mode = journal
              snapshot-every = 2
              retention = 7d
              retention-sweep { interval = 300ms, first-after = 300ms }
            }
            """)
            .withFallback(H2Journal.config(H2_URL))
            .withFallback(ConfigFactory.load()));
    private static final SwitchboardSettings settings =
            SwitchboardSettings.from(testKit.system().settings().config());
    private static final Duration ASK = Duration.ofSeconds(10);

    @BeforeAll
    static void start() throws Exception {
        SchemaUtils.createIfNotExists(testKit.system()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        ClusterMembership.joinSelfUnlessSeeded(testKit.system());
        EntityRegistration.init(testKit.system(), new CallFlow() {}, new ConferenceFlow() {}, settings);
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    @Test
    void endedLongerAgoThanTheRetentionIsDeletedTheRestIsKept() throws Exception {
        Instant now = Instant.now();
        Instant longAgo = now.minus(RETENTION).minus(Duration.ofHours(1));
        Instant recently = now.minus(RETENTION).plus(Duration.ofHours(1));
        // Stored in this order: the old ones first, as the journal's order follows time.
        String oldCall = "c-retention-old";
        handle(EntityKeys.CALL, oldCall, new CallInitiated(SampleEvents.call(oldCall)), longAgo.minusSeconds(60));
        handle(EntityKeys.CALL, oldCall, disconnect(oldCall), longAgo);
        ConferenceDetails room = new ConferenceDetails(ConferenceId.of("conf-retention-old"), "room", null, null);
        handle(EntityKeys.CONFERENCE, "conf-retention-old", new ConferenceCreated(room), longAgo.minusSeconds(30));
        handle(EntityKeys.CONFERENCE, "conf-retention-old", new ConferenceCompleted(room), longAgo.plusSeconds(1));
        String recentCall = "c-retention-recent";
        handle(EntityKeys.CALL, recentCall, new CallInitiated(SampleEvents.call(recentCall)), recently);
        handle(EntityKeys.CALL, recentCall, disconnect(recentCall), recently);
        String liveCall = "c-retention-live";
        handle(EntityKeys.CALL, liveCall, new CallInitiated(SampleEvents.call(liveCall)), longAgo);
        handle(EntityKeys.CALL, liveCall, SampleEvents.gather(liveCall, "1"), longAgo);
        handle(EntityKeys.CALL, liveCall, SampleEvents.gather(liveCall, "2"), longAgo);
        // Each ended call has a snapshot (every 2 events); the old one's may be purged already.
        assertEquals(1, rows("snapshot", "Call|" + recentCall).size(), "a snapshot every 2 events");

        TestProbe.create(testKit.system()).awaitAssert(Duration.ofSeconds(60), Duration.ofMillis(200), () -> {
            for (String ended : List.of("Call|" + oldCall, "Conference|conf-retention-old")) {
                // What the journal keeps of a purged entity: the deleted marker of its highest sequence number.
                assertEquals(
                        List.of("true " + DurableVoiceEntity.Forgotten.class.getName()),
                        rows("event_journal", ended),
                        ended);
                assertEquals(List.of(), rows("snapshot", ended), ended);
            }
            return null;
        });

        assertEquals(2, rows("event_journal", "Call|" + recentCall).size(), "ended within the retention: kept");
        assertEquals(3, rows("event_journal", "Call|" + liveCall).size(), "not ended: kept");
        assertFalse(inspect(EntityKeys.CALL, oldCall).hasHistory(), "the purged call is forgotten");
        assertTrue(inspect(EntityKeys.CALL, recentCall).hasHistory());
        assertEquals(List.of(), tags("Call|" + oldCall));
        assertEquals(List.of("ended"), tags("Call|" + recentCall));
    }

    private static CallDisconnected disconnect(String callId) {
        return new CallDisconnected(
                SampleEvents.call(callId), new CallEnding(null, DisconnectCause.HANGUP, null, null));
    }

    private static EventReply handle(
            EntityTypeKey<VoiceEntity.Command> key, String id, VoiceEvent event, Instant receivedAt) throws Exception {
        return ClusterSharding.get(testKit.system())
                .entityRefFor(key, id)
                .<EventReply>ask(replyTo -> new VoiceEntity.Handle(event, replyTo, receivedAt, false), ASK)
                .toCompletableFuture()
                .get(ASK.toSeconds(), TimeUnit.SECONDS);
    }

    private static EntityInspection inspect(EntityTypeKey<VoiceEntity.Command> key, String id) throws Exception {
        return ClusterSharding.get(testKit.system())
                .entityRefFor(key, id)
                .<EntityInspection>ask(VoiceEntity.Inspect::new, ASK)
                .toCompletableFuture()
                .get(ASK.toSeconds(), TimeUnit.SECONDS);
    }

    /** One line per row of {@code persistenceId} in {@code table}: whether it is deleted, and its payload's type. */
    private static List<String> rows(String table, String persistenceId) throws SQLException {
        String columns =
                table.equals("snapshot") ? "'false', \"snapshot_ser_manifest\"" : "\"deleted\", \"event_ser_manifest\"";
        return query(
                "SELECT " + columns + " FROM \"" + table + "\" WHERE \"persistence_id\" = ?"
                        + " ORDER BY \"sequence_number\"",
                persistenceId);
    }

    private static List<String> tags(String persistenceId) throws SQLException {
        return query(
                        "SELECT t.\"tag\", 'tag' FROM \"event_tag\" t JOIN \"event_journal\" j"
                                + " ON t.\"event_id\" = j.\"ordering\" WHERE j.\"persistence_id\" = ?",
                        persistenceId)
                .stream()
                .map(row -> row.split(" ")[0])
                .toList();
    }

    private static List<String> query(String sql, String persistenceId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(H2_URL, "sa", "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, persistenceId);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1).toLowerCase(Locale.ROOT) + " " + result.getString(2));
                }
            }
            return rows;
        }
    }
}
