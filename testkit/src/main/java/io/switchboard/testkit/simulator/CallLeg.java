package io.switchboard.testkit.simulator;

import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.Direction;
import io.switchboard.testkit.simulator.CallActivity.Party;
import java.time.Instant;

/** One leg of a simulated call: the caller's own, or the B-leg of a transfer. Made by {@link CallContext#newLeg}. */
final class CallLeg {
    final Party party;
    final CallId callId;
    final Direction direction;
    final String from;
    final String to;
    final Instant startTime;
    /** The leg that transferred to this one; {@code null} for the caller's leg. */
    final CallId parentCallId;
    /** Who is on this leg, answering its gathers, recordings, transfers and conferences. */
    final Caller person;

    private final BandwidthAccount account;
    private final VirtualClock clock;
    Instant answerTime;
    String tag;
    /** The gathers this leg has heard: the index of its next one, by which scripted callers answer. */
    int gathersHeard;

    CallLeg(
            Party party,
            CallId callId,
            Direction direction,
            String from,
            String to,
            CallId parentCallId,
            Caller person,
            BandwidthAccount account,
            VirtualClock clock) {
        this.party = party;
        this.callId = callId;
        this.direction = direction;
        this.from = from;
        this.to = to;
        this.startTime = clock.now();
        this.parentCallId = parentCallId;
        this.person = person;
        this.account = account;
        this.clock = clock;
    }

    /** The leg's details as an event stamped {@code eventTime} carries them, still open to changes. */
    CallDetails.Builder details(Instant eventTime) {
        CallDetails.Builder details = CallDetails.builder(callId)
                .eventTime(eventTime)
                .account(account.accountId(), account.applicationId())
                .parties(from, to, direction)
                .callUrl(account.callUrl(id()))
                .times(startTime, answerTime, null)
                .tag(tag);
        return parentCallId == null ? details : details.transfer(parentCallId, from, to);
    }

    /** The leg's details as an event sent now carries them. */
    CallDetails current() {
        return details(clock.now()).build();
    }

    String id() {
        return callId.value();
    }
}
