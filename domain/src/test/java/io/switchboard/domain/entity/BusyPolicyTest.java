package io.switchboard.domain.entity;

import static io.switchboard.domain.entity.BusyPolicy.Answer.DROP;
import static io.switchboard.domain.entity.BusyPolicy.Answer.HANDLE_NOW;
import static io.switchboard.domain.entity.BusyPolicy.Answer.RESTART_RETENTION;
import static io.switchboard.domain.entity.BusyPolicy.Answer.SHED;
import static io.switchboard.domain.entity.BusyPolicy.Answer.STOP_AFTER_WAITING;
import static io.switchboard.domain.entity.BusyPolicy.Answer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.domain.entity.BusyPolicy.Answer;
import io.switchboard.domain.entity.BusyPolicy.Arrival;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a busy entity does with what arrives, as a plain function: no actor involved. */
class BusyPolicyTest {
    private static final int CAPACITY = 3;

    private static Answer answer(Arrival arrival, int waiting) {
        return BusyPolicy.answer(arrival, waiting, CAPACITY, false);
    }

    @ParameterizedTest
    @EnumSource(
            value = Arrival.class,
            names = {"WORK_DONE", "INSPECTION", "REQUEST_SETTLED"})
    void theWorksResultAndWhatCannotWaitAreHandledAtOnceHoweverManyWait(Arrival arrival) {
        assertEquals(HANDLE_NOW, answer(arrival, 0));
        assertEquals(HANDLE_NOW, answer(arrival, CAPACITY));
        assertEquals(HANDLE_NOW, BusyPolicy.answer(arrival, CAPACITY, CAPACITY, true));
    }

    @Test
    void eventsWaitUpToTheCapacityThenAreShed() {
        assertEquals(WAIT, answer(Arrival.EVENT, 0));
        assertEquals(WAIT, answer(Arrival.EVENT, CAPACITY - 1));
        assertEquals(SHED, answer(Arrival.EVENT, CAPACITY));
        assertEquals(SHED, answer(Arrival.EVENT, CAPACITY + 1));
    }

    @Test
    void aRedeliveryToRecordWaitsWhileThereIsRoomElseIsDropped() {
        assertEquals(WAIT, answer(Arrival.REDELIVERY_RECORD, CAPACITY - 1));
        assertEquals(DROP, answer(Arrival.REDELIVERY_RECORD, CAPACITY));
    }

    @Test
    void theRetentionTimerWaitsWhileThereIsRoomElseStartsAgain() {
        assertEquals(WAIT, answer(Arrival.RETENTION_ELAPSED, CAPACITY - 1));
        assertEquals(RESTART_RETENTION, answer(Arrival.RETENTION_ELAPSED, CAPACITY));
    }

    @Test
    void aStopWaitsBehindTheEventsInItsOwnSlotAndOnlyOnce() {
        assertEquals(STOP_AFTER_WAITING, answer(Arrival.STOP, 0));
        assertEquals(STOP_AFTER_WAITING, answer(Arrival.STOP, CAPACITY));
        assertEquals(DROP, BusyPolicy.answer(Arrival.STOP, 1, CAPACITY, true));
    }

    @Test
    void aBusyEntityIsNotIdleAndALateFlowResultChangesNothing() {
        assertEquals(DROP, answer(Arrival.IDLE, 0));
        assertEquals(DROP, answer(Arrival.STALE_RESULT, 0));
    }

    @Test
    void aPurgeAlwaysWaitsForItsOutcome() {
        assertEquals(WAIT, answer(Arrival.PURGE, 0));
        assertEquals(WAIT, answer(Arrival.PURGE, CAPACITY));
    }
}
