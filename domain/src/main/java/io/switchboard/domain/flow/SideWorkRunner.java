package io.switchboard.domain.flow;

import org.slf4j.LoggerFactory;

/**
 * The port that runs flows' {@link SideWork}, bounded: the application runs it off every actor's thread, with a
 * limit on how much runs (and waits for its delay) at once, and logs and counts what fails or is refused.
 */
public interface SideWorkRunner {

    /** Starts {@code work} (after its delay); returns at once, never blocks, never throws. */
    void start(SideWork work);

    /** Where none is configured: side work is refused, with a log line naming it. */
    static SideWorkRunner refusing() {
        return work -> LoggerFactory.getLogger(SideWorkRunner.class)
                .warn(
                        "side work {} of {} refused: no side-work runner is configured for these entities",
                        work.name(),
                        work.owner());
    }
}
