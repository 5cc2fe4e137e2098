package io.switchboard.application.port.in;

/**
 * A new call (or conference) refused because this node holds as many entities as its memory allows, none of them
 * an ended one that could leave to make room: the caller should try again later, or elsewhere. Calls already in
 * progress are never refused this way.
 */
public final class AdmissionRefusedException extends RuntimeException {
    public AdmissionRefusedException(int residentCeiling) {
        super(
                "this node holds its ceiling of " + residentCeiling + " resident calls and conferences, none ended",
                null,
                false,
                false);
    }
}
