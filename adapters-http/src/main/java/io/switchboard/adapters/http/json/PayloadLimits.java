package io.switchboard.adapters.http.json;

import io.switchboard.domain.common.Identifiers;

/**
 * How much of anything a webhook payload may hold. Bandwidth's payloads are a few kilobytes of flat JSON with an
 * object or two nested one level deep; these bounds leave ample room and stop a hostile body before it costs much.
 *
 * @param maxBodyBytes    the whole body (and the JSON document in it)
 * @param maxIdLength     {@code callId}, {@code conferenceId}, {@code parentCallId}, {@code recordingId}: Bandwidth's
 *                        are under 60 characters; at most {@link Identifiers#MAX_LENGTH}
 * @param maxNestingDepth objects and arrays inside one another
 * @param maxNumberLength digits of one number
 * @param maxStringLength characters of one string value
 * @param maxNameLength   characters of one field name
 */
public record PayloadLimits(
        long maxBodyBytes,
        int maxIdLength,
        int maxNestingDepth,
        int maxNumberLength,
        int maxStringLength,
        int maxNameLength) {

    public static final PayloadLimits DEFAULTS = new PayloadLimits(65_536, 128, 16, 32, 16_384, 256);

    public PayloadLimits {
        requirePositive("maxBodyBytes", maxBodyBytes);
        requirePositive("maxIdLength", maxIdLength);
        requirePositive("maxNestingDepth", maxNestingDepth);
        requirePositive("maxNumberLength", maxNumberLength);
        requirePositive("maxStringLength", maxStringLength);
        requirePositive("maxNameLength", maxNameLength);
        if (maxIdLength > Identifiers.MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "maxIdLength must be at most " + Identifiers.MAX_LENGTH + ", was " + maxIdLength);
        }
    }

    public PayloadLimits withMaxBodyBytes(long bytes) {
        return new PayloadLimits(bytes, maxIdLength, maxNestingDepth, maxNumberLength, maxStringLength, maxNameLength);
    }

    public PayloadLimits withMaxIdLength(int length) {
        return new PayloadLimits(
                maxBodyBytes, length, maxNestingDepth, maxNumberLength, maxStringLength, maxNameLength);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
