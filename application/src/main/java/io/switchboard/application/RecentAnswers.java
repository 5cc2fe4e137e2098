package io.switchboard.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;

/**
 * Where what was answered lately is kept for its redeliveries, by the application (by event) and by the HTTP edge
 * (by request): bounded in entries and in time, sized by {@code switchboard.answered-events}.
 */
public final class RecentAnswers {
    private RecentAnswers() {}

    /**
     * @param maxEntries how many are kept; zero keeps none (no cache)
     * @param keepFor    how long after its answer each is kept
     */
    public static <K, V> Optional<Cache<K, V>> cache(long maxEntries, Duration keepFor) {
        if (maxEntries == 0) {
            return Optional.empty();
        }
        return Optional.of(Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(keepFor)
                // Evictions run on the thread that writes, never on the JDK's common pool.
                .executor(Runnable::run)
                .build());
    }
}
