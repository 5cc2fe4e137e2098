package io.switchboard.application.sharding;

import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.HoldPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The calls this node keeps on hold while their entities cannot be reached, each with the event that was held and
 * how many holds in a row it got. The {@code redirect} a hold brings back is asked about the held event instead,
 * so that the flow answers what the caller did (a gather, an answer) rather than a redirect it never asked for.
 * A held call's record goes when its held event is answered, when it gets the fallback, or when it disconnects;
 * one whose redirect never came back here (the caller hung up, the redirect went to another node) is forgotten
 * after {@code forgetAfter}.
 */
final class HeldCalls {

    private record Held(VoiceEvent event, int holds, long heldAtNanos) {}

    private final HoldPolicy policy;
    private final int capacity;
    private final long forgetAfterNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Held> byCall = new ConcurrentHashMap<>();

    HeldCalls(HoldPolicy policy, int capacity, Duration forgetAfter, LongSupplier nanoTime) {
        this.policy = policy;
        this.capacity = capacity;
        this.forgetAfterNanos = forgetAfter.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The event to hand to the entity for {@code event}: the held one when {@code event} returns from a hold. */
    VoiceEvent eventToAsk(VoiceEvent event) {
        if (event instanceof CallDisconnected) {
            byCall.remove(event.entityId());
            return event;
        }
        if (!HoldPolicy.mayReturnFromHold(event)) {
            return event;
        }
        Held held = byCall.get(event.entityId());
        return held == null || forgotten(held) ? event : held.event();
    }

    /**
     * The hold for {@code asked}, whose entity did not answer in time, unless it may not be held, or its call was
     * held too often in a row, or too many calls are held: then none, and the call's record goes.
     */
    Optional<EventReply> hold(VoiceEvent asked) {
        String callId = asked.entityId();
        if (!policy.mayHold(asked)) {
            byCall.remove(callId);
            return Optional.empty();
        }
        if (byCall.size() >= capacity) {
            byCall.values().removeIf(this::forgotten);
        }
        long now = nanoTime.getAsLong();
        Held held = byCall.compute(callId, (id, earlier) -> {
            if (earlier == null || forgotten(earlier)) {
                return byCall.size() < capacity ? new Held(asked, 1, now) : null;
            }
            int holds = earlier.event().equals(asked) ? earlier.holds() + 1 : 1;
            return holds <= policy.maxHoldsPerCall() ? new Held(asked, holds, now) : null;
        });
        return held == null ? Optional.empty() : Optional.of(policy.reply());
    }

    private boolean forgotten(Held held) {
        return nanoTime.getAsLong() - held.heldAtNanos() > forgetAfterNanos;
    }

    /**
     * {@code asked} was answered by its entity. If Bandwidth executes its reply, the call has moved on from any
     * hold (this was the held event, or a newer one); an event that only informs (a recording) leaves it held.
     */
    void answered(VoiceEvent asked) {
        if (policy.mayHold(asked)) {
            byCall.remove(asked.entityId());
        }
    }
}
