package io.switchboard.domain.flow;

/**
 * What every flow, of calls or of conferences, tells the entities that run it. A class may be both a
 * {@link io.switchboard.domain.call.CallFlow} and a {@link io.switchboard.domain.conference.ConferenceFlow}; it
 * answers this once.
 */
public interface Flow {

    /**
     * Whether this flow's methods may block: wait on I/O, a lock or a sleep. Yes by default, and such a flow runs
     * on the flow dispatcher, which costs every event two thread hand-offs. A flow that answers at once (it builds
     * its document from the event, the state and its flow data, and hands slow work to
     * {@link io.switchboard.domain.verb.Reply#later} or to side work) says no here and runs on its entity's own
     * thread, without those hand-offs; if it takes longer than {@code switchboard.entity.inline-flow-budget}
     * anyway, each such event is logged as a warning, naming the event and the time it took, since it holds up
     * every entity that shares the thread.
     */
    default boolean mayBlock() {
        return true;
    }
}
