package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks reuse the service's threads. A callback left on a stage that came from a Scala future runs on the JDK's
 * default async executor, which on a machine of one or two cores starts a new thread per task: this test sees
 * every such callback on the reply path, wherever it is written.
 */
class WebhookThreadsTest {
    private static final int WARM_UP_WEBHOOKS = 300;
    private static final int MEASURED_WEBHOOKS = 1_000;
    /** Pools may still grow by a thread or two; a thread per webhook would be a thousand. */
    private static final long TOLERATED_THREAD_STARTS = 25;

    private static RunningService service;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start("");
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    void aThousandWebhooksStartNoThreadOfTheirOwn() throws Exception {
        postCalls("warm", WARM_UP_WEBHOOKS);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startedBefore = threads.getTotalStartedThreadCount();

        postCalls("measured", MEASURED_WEBHOOKS);

        long started = threads.getTotalStartedThreadCount() - startedBefore;
        assertTrue(
                started <= TOLERATED_THREAD_STARTS,
                started + " threads started during " + MEASURED_WEBHOOKS + " webhooks (at most "
                        + TOLERATED_THREAD_STARTS + " tolerated)");
    }

    private static void postCalls(String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            HttpResponse<String> reply = service.post("/voice/initiate", initiate(prefix + "-" + i));
            assertEquals(200, reply.statusCode(), reply.body());
        }
    }

    private static String initiate(String callId) {
        return """
                {"eventType": "initiate", "callId": "%s", "accountId": "9900000",
                 "applicationId": "04e88489-df02-4e34-a0ee-27a91849555f",
                 "from": "+15552223333", "to": "+15553334444", "direction": "inbound",
                 "startTime": "2026-11-25T10:00:00Z", "eventTime": "2026-11-25T10:00:00Z"}
                """.formatted(callId);
    }
}
