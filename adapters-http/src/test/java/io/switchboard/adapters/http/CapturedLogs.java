package io.switchboard.adapters.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** What one class logs while the test runs; close it to stop listening. */
final class CapturedLogs implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CapturedLogs(Class<?> source) {
        logger = (Logger) LoggerFactory.getLogger(source);
        appender.start();
        logger.addAppender(appender);
    }

    /** Whether a line at {@code level} contains every one of {@code fragments}. */
    boolean has(Level level, String... fragments) {
        return appender.list.stream()
                .anyMatch(line -> line.getLevel() == level
                        && java.util.Arrays.stream(fragments).allMatch(line.getFormattedMessage()::contains));
    }

    @Override
    public String toString() {
        return appender.list.toString();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
