package io.switchboard.application.port.in;

/** What memory admission sees on this node, for metrics. */
public interface AdmissionQuery {

    /** Call and conference entities resident on this node. */
    int residentEntities();

    /** Resident entities past which this node refuses new calls. */
    int residentCeiling();

    /** New calls and conferences refused at the ceiling since the node started. */
    long newCallsShed();
}
