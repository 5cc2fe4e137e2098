package io.switchboard.application.admission;

import com.typesafe.config.Config;

/**
 * How many call and conference entities a node keeps resident before it refuses new calls: a ceiling that keeps its
 * heap from running out under a flood of new calls.
 *
 * @param residentCeiling entities resident on this node past which an event that opens a call or conference is
 *                        refused
 */
public record AdmissionSettings(int residentCeiling) {

    public AdmissionSettings {
        if (residentCeiling < 1) {
            throw new IllegalArgumentException(
                    "switchboard.admission's resident ceiling must be positive, was " + residentCeiling);
        }
    }

    /**
     * {@code max-resident-entities}, or with 0 there the share {@code heap-fraction} of the JVM's maximum heap
     * divided by {@code heap-per-entity}.
     */
    public static AdmissionSettings from(Config admission, long maxHeapBytes) {
        int configured = admission.getInt("max-resident-entities");
        if (configured > 0) {
            return new AdmissionSettings(configured);
        }
        double fraction = admission.getDouble("heap-fraction");
        long perEntity = admission.getBytes("heap-per-entity");
        if (fraction <= 0 || fraction > 1 || perEntity < 1) {
            throw new IllegalArgumentException("switchboard.admission.heap-fraction must be in (0, 1] and"
                    + " heap-per-entity positive, were " + fraction + " and " + perEntity);
        }
        return new AdmissionSettings((int) Math.min(Integer.MAX_VALUE, (long) (maxHeapBytes * fraction) / perEntity));
    }
}
