package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.StatusUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The service's logback.xml, read as the service reads it, with SWITCHBOARD_LOG_FORMAT set each way. */
class LogFormatTest {

    /** The webhook edge's logger, which writes the line per webhook (the text format shortens its package). */
    private static final String WEBHOOK_LOGGER = "io.switchboard.adapters.http.metrics.WebhookTelemetry";

    /** What one log line about a call looks like on the console in {@code format}. */
    private static String oneLineAboutACall(String format) throws Exception {
        return format == null
                ? linesLoggedAtInfo(Map.of(), "io.switchboard.test")
                : linesLoggedAtInfo(Map.of("SWITCHBOARD_LOG_FORMAT", format), "io.switchboard.test");
    }

    /** What the console shows of one INFO line about a call from each of {@code loggers}, with {@code properties}. */
    private static String linesLoggedAtInfo(Map<String, String> properties, String... loggers) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        properties.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            // This context's own MDC, as MDC.put fills the service's.
            context.getMDCAdapter().put("callId", "c-logged");
            context.getMDCAdapter().put("latencyMs", "12");
            for (String logger : loggers) {
                context.getLogger(logger).info("webhook gather answered 200 in 12 ms (FLOW)");
            }
            context.getMDCAdapter().clear();
            context.stop(); // drains the async appender
        } finally {
            System.setOut(console);
        }
        return captured.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void textIsTheDefaultWithTheCallIdInBrackets() throws Exception {
        String line = oneLineAboutACall(null);
        assertTrue(
                line.contains("INFO  io.switchboard.test [c-logged] webhook gather answered 200 in 12 ms (FLOW)"),
                line);
    }

    @Test
    void theLinePerWebhookHasALevelOfItsOwnThatFollowsTheRootUnlessSet() throws Exception {
        String byDefault = linesLoggedAtInfo(Map.of(), WEBHOOK_LOGGER, "io.switchboard.test");
        assertTrue(byDefault.contains("WebhookTelemetry [c-logged]"), byDefault);

        String withoutIt = linesLoggedAtInfo(
                Map.of("SWITCHBOARD_WEBHOOK_LOG_LEVEL", "WARN"), WEBHOOK_LOGGER, "io.switchboard.test");
        assertFalse(withoutIt.contains("WebhookTelemetry"), withoutIt);
        assertTrue(withoutIt.contains("INFO  io.switchboard.test [c-logged]"), "the rest still logged: " + withoutIt);

        String quietRoot =
                linesLoggedAtInfo(Map.of("SWITCHBOARD_LOG_LEVEL", "WARN"), WEBHOOK_LOGGER, "io.switchboard.test");
        assertEquals("", quietRoot, "unset, it follows the root level");

        String onlyIt = linesLoggedAtInfo(
                Map.of("SWITCHBOARD_LOG_LEVEL", "WARN", "SWITCHBOARD_WEBHOOK_LOG_LEVEL", "INFO"),
                WEBHOOK_LOGGER,
                "io.switchboard.test");
        assertTrue(onlyIt.contains("WebhookTelemetry") && !onlyIt.contains("io.switchboard.test"), onlyIt);
    }

    @Test
    void configuringEitherFormatReportsNoProblem() throws Exception {
        for (String format : new String[] {"text", "json"}) {
            LoggerContext context = new LoggerContext();
            context.putProperty("SWITCHBOARD_LOG_FORMAT", format);
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            assertEquals(
                    0,
                    new StatusUtil(context).getHighestLevel(0),
                    format + ": " + context.getStatusManager().getCopyOfStatusList());
            context.stop();
        }
    }

    @Test
    void jsonIsOneObjectPerLineWithTheMdcAsFields() throws Exception {
        JsonNode line = new ObjectMapper().readTree(oneLineAboutACall("json"));
        assertEquals(
                "webhook gather answered 200 in 12 ms (FLOW)",
                line.path("message").asText());
        assertEquals("INFO", line.path("level").asText());
        assertEquals("c-logged", line.path("callId").asText());
        assertEquals("12", line.path("latencyMs").asText());
        assertTrue(line.has("@timestamp"), line.toString());
    }

    /**
     * A webhook's log line costs its caller no console I/O: the async appender's worker writes it, and a console
     * that does not take writes (a stalled pipe, a slow log collector) never holds the caller up, however many
     * lines pile up (neverBlock: past the queue's capacity lines are dropped instead).
     */
    @Test
    void aStalledConsoleNeverHoldsUpTheThreadThatLogs() throws Exception {
        CountDownLatch consoleFree = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        AtomicReference<Thread> writer = new AtomicReference<>();
        OutputStream stalled = new OutputStream() {
            @Override
            public void write(int b) {
                writer.compareAndSet(null, Thread.currentThread());
                written.countDown();
                try {
                    consoleFree.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        PrintStream console = System.out;
        System.setOut(new PrintStream(stalled, true, StandardCharsets.UTF_8));
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            Future<Thread> logged = caller.submit(() -> {
                for (int line = 0; line < 10_000; line++) {
                    context.getLogger("io.switchboard.test").info("webhook gather answered 200 in 1 ms (FLOW)");
                }
                return Thread.currentThread();
            });

            Thread logging = logged.get(30, TimeUnit.SECONDS);
            assertTrue(written.await(30, TimeUnit.SECONDS), "the console was never written to");
            assertNotEquals(logging, writer.get());
        } finally {
            consoleFree.countDown();
            context.stop();
            caller.shutdownNow();
            System.setOut(console);
        }
    }
}
