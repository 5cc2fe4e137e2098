package io.switchboard.application.port.in;

/** What memory admission sees on this node, for metrics. */
public interface AdmissionQuery {

    /** Call and conference entities resident on this node. */
    int residentEntities();

    /** Resident entities past which this node refuses new calls. */
    int residentCeiling();

    /** New calls and conferences refused at the ceiling since the node started. */
    long newCallsShed();

    /** Resident calls and conferences that have ended and stay only for late events: the first to leave. */
    int endedEntitiesResident();

    /** Ended calls and conferences asked to leave early, at the ceiling, to admit a new one. */
    long endedEntitiesEvicted();
}
