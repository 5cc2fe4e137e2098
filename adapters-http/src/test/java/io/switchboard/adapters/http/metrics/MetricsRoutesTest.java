package io.switchboard.adapters.http.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.switchboard.application.port.in.AdmissionQuery;
import io.switchboard.application.port.in.ClusterShape;
import io.switchboard.application.port.in.ClusterShapeQuery;
import io.switchboard.application.port.in.EntityCounts;
import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class MetricsRoutesTest {
    private static final ActorTestKit testKit = ActorTestKit.create();

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private CompletionStage<EntityCounts> counts = CompletableFuture.completedFuture(new EntityCounts(5, 2));

    private final ClusterShapeQuery cluster = new ClusterShapeQuery() {
        @Override
        public CompletionStage<ClusterShape> clusterShape() {
            throw new UnsupportedOperationException("not scraped");
        }

        @Override
        public CompletionStage<EntityCounts> localEntities() {
            return counts;
        }

        @Override
        public Map<String, Integer> membersByStatus() {
            return Map.of("Up", 2, "Leaving", 1);
        }

        @Override
        public int unreachableMembers() {
            return 1;
        }
    };

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    private String scrape(MetricsRoutes metrics) throws Exception {
        HttpResponse response = metrics.route()
                .seal()
                .handler(testKit.system())
                .apply(HttpRequest.GET("/metrics"))
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        assertEquals(200, response.status().intValue());
        assertTrue(response.entity().getContentType().toString().startsWith("text/plain"));
        return response.entity()
                .toStrict(5_000, testKit.system())
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS)
                .getData()
                .utf8String();
    }

    @Test
    void theScrapeHasTheNodesGaugesAndTheWebhookMetricsInPrometheusText() throws Exception {
        MetricsRoutes metrics = new MetricsRoutes(registry, cluster, () -> 7);
        new WebhookTelemetry(registry)
                .onHandled(
                        new GatherCompleted(
                                CallDetails.builder(CallId.of("c-1")).build(), "1", "#"),
                        new EventReply(null, ReplyOrigin.FLOW_FAILED),
                        Duration.ofMillis(20));

        String text = scrape(metrics);

        assertTrue(text.contains("switchboard_entities_active{type=\"call\"} 5"), text);
        assertTrue(text.contains("switchboard_entities_active{type=\"conference\"} 2"), text);
        assertTrue(text.contains("switchboard_events_awaiting_reply 7"), text);
        assertTrue(text.contains("switchboard_cluster_members{status=\"Up\"} 2"), text);
        assertTrue(text.contains("switchboard_cluster_members{status=\"Leaving\"} 1"), text);
        assertTrue(text.contains("switchboard_cluster_members{status=\"Down\"} 0"), text);
        assertTrue(text.contains("switchboard_cluster_members_unreachable 1"), text);
        assertTrue(text.contains("switchboard_webhooks_total{event_type=\"gather\",status=\"200\"} 1"), text);
        assertTrue(text.contains("switchboard_webhook_fallbacks_total{cause=\"FLOW_FAILED\"} 1"), text);
        assertTrue(
                text.contains("switchboard_webhook_reply_seconds_bucket{event_type=\"gather\",le=\"0.025\"} 1"), text);
    }

    @Test
    void memoryAdmissionShowsItsResidentEntitiesCeilingSheddingAndEvictionsInTheScrape() throws Exception {
        MetricsRoutes metrics = new MetricsRoutes(registry, cluster, () -> 0).observing(new AdmissionQuery() {
            @Override
            public int residentEntities() {
                return 6_000;
            }

            @Override
            public int residentCeiling() {
                return 6_144;
            }

            @Override
            public long newCallsShed() {
                return 42;
            }

            @Override
            public int endedEntitiesResident() {
                return 900;
            }

            @Override
            public long endedEntitiesEvicted() {
                return 17;
            }
        });

        String text = scrape(metrics);

        assertTrue(text.contains("switchboard_admission_resident_entities 6000"), text);
        assertTrue(text.contains("switchboard_admission_resident_ceiling 6144"), text);
        assertTrue(text.contains("switchboard_admission_shed_total 42"), text);
        assertTrue(text.contains("switchboard_admission_ended_entities 900"), text);
        assertTrue(text.contains("switchboard_admission_ended_evicted_total 17"), text);
    }

    @Test
    void aScrapeWhoseEntityCountTimesOutStillAnswersWithTheLastCounts() throws Exception {
        MetricsRoutes metrics = new MetricsRoutes(registry, cluster, () -> 0);
        scrape(metrics);
        counts = CompletableFuture.failedFuture(new TimeoutException("regions did not answer"));

        assertTrue(scrape(metrics).contains("switchboard_entities_active{type=\"call\"} 5"));
    }
}
