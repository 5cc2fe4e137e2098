package io.switchboard.adapters.http.metrics;

import static akka.http.javadsl.server.Directives.complete;
import static akka.http.javadsl.server.Directives.get;
import static akka.http.javadsl.server.Directives.onComplete;
import static akka.http.javadsl.server.Directives.path;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.Route;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.switchboard.application.port.in.AdmissionQuery;
import io.switchboard.application.port.in.ClusterShapeQuery;
import io.switchboard.application.port.in.EntityCounts;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics} in Prometheus' text format, with this node's gauges:
 * <ul>
 *   <li>{@code switchboard_entities_active{type="call"|"conference"}}: entities resident on this node, counted
 *       from its shard regions at each scrape;</li>
 *   <li>{@code switchboard_events_awaiting_reply}: events handed to their entities and not answered yet (the one
 *       each works on and those waiting in its stash);</li>
 *   <li>{@code switchboard_cluster_members{status}} and {@code switchboard_cluster_members_unreachable}: the
 *       membership as this node sees it.</li>
 * </ul>
 */
public final class MetricsRoutes {
    private static final Logger log = LoggerFactory.getLogger(MetricsRoutes.class);
    /** Akka's member statuses; a gauge for each, so a status that empties reads 0 rather than vanishing. */
    private static final List<String> MEMBER_STATUSES =
            List.of("Joining", "WeaklyUp", "Up", "Leaving", "Exiting", "Down", "Removed");

    private final PrometheusMeterRegistry registry;
    private final ClusterShapeQuery cluster;
    private final AtomicInteger activeCalls = new AtomicInteger();
    private final AtomicInteger activeConferences = new AtomicInteger();

    public MetricsRoutes(PrometheusMeterRegistry registry, ClusterShapeQuery cluster, IntSupplier eventsAwaitingReply) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        Gauge.builder("switchboard.entities.active", activeCalls, AtomicInteger::get)
                .description("Call or conference entities resident on this node")
                .tag("type", "call")
                .register(registry);
        Gauge.builder("switchboard.entities.active", activeConferences, AtomicInteger::get)
                .description("Call or conference entities resident on this node")
                .tag("type", "conference")
                .register(registry);
        Gauge.builder("switchboard.events.awaiting.reply", eventsAwaitingReply, IntSupplier::getAsInt)
                .description("Events handed to their entities on this node and not answered yet")
                .register(registry);
        for (String status : MEMBER_STATUSES) {
            Gauge.builder(
                            "switchboard.cluster.members",
                            cluster,
                            c -> c.membersByStatus().getOrDefault(status, 0))
                    .description("Cluster members in each status, as this node sees them")
                    .tag("status", status)
                    .register(registry);
        }
        Gauge.builder("switchboard.cluster.members.unreachable", cluster, ClusterShapeQuery::unreachableMembers)
                .description("Cluster members this node cannot reach")
                .register(registry);
    }

    /**
     * Memory admission's resident entities, ceiling, refused new calls and ended entities (resident, and evicted to
     * admit new calls), beside the other node metrics.
     */
    public MetricsRoutes observing(AdmissionQuery admission) {
        Gauge.builder("switchboard.admission.resident.entities", admission, AdmissionQuery::residentEntities)
                .description("Call and conference entities resident on this node, as admission counts them")
                .register(registry);
        Gauge.builder("switchboard.admission.resident.ceiling", admission, AdmissionQuery::residentCeiling)
                .description("Resident entities past which this node refuses new calls with 503")
                .register(registry);
        FunctionCounter.builder("switchboard.admission.shed", admission, AdmissionQuery::newCallsShed)
                .description("New calls and conferences refused at the resident ceiling")
                .register(registry);
        Gauge.builder("switchboard.admission.ended.entities", admission, AdmissionQuery::endedEntitiesResident)
                .description("Resident entities that have ended and stay only for late events: the first to leave")
                .register(registry);
        FunctionCounter.builder("switchboard.admission.ended.evicted", admission, AdmissionQuery::endedEntitiesEvicted)
                .description("Ended entities asked to leave early at the resident ceiling to admit a new call")
                .register(registry);
        return this;
    }

    public Route route() {
        return path(
                "metrics",
                () -> get(() -> onComplete(
                        refreshEntityCounts(),
                        refreshed -> complete(
                                HttpResponse.create().withEntity(ContentTypes.TEXT_PLAIN_UTF8, registry.scrape())))));
    }

    /** Asks this node's shard regions; a slow answer leaves the last counts, the scrape goes on. */
    private CompletionStage<EntityCounts> refreshEntityCounts() {
        // The ask's stage runs plain callbacks on the JDK's default executor: name the executor.
        return cluster.localEntities()
                .whenCompleteAsync(
                        (counts, failure) -> {
                            if (failure != null) {
                                log.debug("entity counts not refreshed: {}", failure.toString());
                            } else {
                                activeCalls.set(counts.calls());
                                activeConferences.set(counts.conferences());
                            }
                        },
                        Runnable::run);
    }
}
