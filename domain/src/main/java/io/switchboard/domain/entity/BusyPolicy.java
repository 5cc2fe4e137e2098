package io.switchboard.domain.entity;

/**
 * What an entity does with a message that arrives while it is busy (its flow works on an event; the journaled
 * shell also while it purges): one pure function, {@link #answer}, that both shells ask and only carry out.
 *
 * <p>The work's own result and what never waits (an inspection, a request's outcome) are handled now; events wait
 * in order, up to the stash capacity, past which a new event is shed with the fallback; a stop waits behind them,
 * in the one slot kept for it, so that every event that reached the entity first gets its reply.
 */
public final class BusyPolicy {

    private BusyPolicy() {}

    /** What arrived, as far as the busy entity cares. */
    public enum Arrival {
        /** The result of the work under way: its flow's answer or timeout, or the end of its purge. */
        WORK_DONE,
        /** A flow's answer or timeout for an event answered already (the fallback went out): late. */
        STALE_RESULT,
        /** A request for the entity's state and timeline. */
        INSPECTION,
        /** The outcome of a call-control request an earlier event's flow made. */
        REQUEST_SETTLED,
        /** The owner asks the entity to stop (passivation, hand-over). */
        STOP,
        /** The idle timer fired. */
        IDLE,
        /** The retention after the end has passed, or the owner needs the room sooner. */
        RETENTION_ELAPSED,
        /** A new event (or a redelivery the entity will answer as before). */
        EVENT,
        /** A redelivery answered elsewhere, only to be recorded on the timeline. */
        REDELIVERY_RECORD,
        /** A request to delete the journal of an ended entity. */
        PURGE
    }

    /** What the busy entity does with it. */
    public enum Answer {
        /** Handle it now, as if the entity were not busy: it cannot wait, or it is what the entity waits for. */
        HANDLE_NOW,
        /** Drop it: it has no effect any more. */
        DROP,
        /** Keep it until the work is done, behind those already waiting. */
        WAIT,
        /** Answer the event with the fallback at once: too many wait already. */
        SHED,
        /** Keep the stop until the events that waited before it are answered, in the slot kept for it. */
        STOP_AFTER_WAITING,
        /** Cannot wait: start the retention timer again, so the ended entity asks to leave later. */
        RESTART_RETENTION
    }

    /**
     * @param arrival    what arrived
     * @param waiting    how many messages wait already
     * @param capacity   how many may wait ({@link EntitySettings#stashCapacity()}); a stop has its own slot
     * @param stopQueued whether a stop waits already
     */
    public static Answer answer(Arrival arrival, int waiting, int capacity, boolean stopQueued) {
        boolean room = waiting < capacity;
        return switch (arrival) {
            case WORK_DONE, INSPECTION, REQUEST_SETTLED -> Answer.HANDLE_NOW;
            // Busy is not idle: the idle timer starts again after the reply.
            case STALE_RESULT, IDLE -> Answer.DROP;
            case STOP -> stopQueued ? Answer.DROP : Answer.STOP_AFTER_WAITING;
            case EVENT -> room ? Answer.WAIT : Answer.SHED;
            // Answered already: only its line on the timeline is lost.
            case REDELIVERY_RECORD -> room ? Answer.WAIT : Answer.DROP;
            case RETENTION_ELAPSED -> room ? Answer.WAIT : Answer.RESTART_RETENTION;
            // Its sender waits for an outcome, and a purge comes from one sweep at a time.
            case PURGE -> Answer.WAIT;
        };
    }
}
