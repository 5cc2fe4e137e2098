package io.switchboard.domain.call;

import io.switchboard.domain.common.Checks;
import java.time.Duration;

/**
 * What answering-machine detection concluded. Bandwidth names {@link #HUMAN}, {@link #ANSWERING_MACHINE},
 * {@link #TONE_DETECTED}, {@link #SILENCE}, {@link #TIMEOUT} and {@link #ERROR}; the value is kept as sent, so
 * a value added later is not refused.
 *
 * @param value    the verdict, as sent
 * @param duration how long detection took; {@code null} when not sent
 */
public record MachineDetectionResult(String value, Duration duration) {
    public static final String HUMAN = "human";
    public static final String ANSWERING_MACHINE = "answering-machine";
    public static final String TONE_DETECTED = "tone-detected";
    public static final String SILENCE = "silence";
    public static final String TIMEOUT = "timeout";
    public static final String ERROR = "error";

    public MachineDetectionResult {
        Checks.requireNonBlank("machineDetectionResult.value", value);
        if (duration != null && duration.isNegative()) {
            throw new IllegalArgumentException("machineDetectionResult.duration must not be negative, was " + duration);
        }
    }

    /** Whether a person answered. */
    public boolean human() {
        return HUMAN.equals(value);
    }

    /** Whether a machine answered (a voicemail greeting or a tone). */
    public boolean machine() {
        return ANSWERING_MACHINE.equals(value) || TONE_DETECTED.equals(value);
    }
}
