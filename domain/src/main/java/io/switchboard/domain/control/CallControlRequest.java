package io.switchboard.domain.control;

import java.util.concurrent.CompletionStage;

/**
 * A request that changes something at Bandwidth: places a call, redirects or hangs one up, replaces its BXML,
 * redirects or ends a conference, mutes or holds a member. Immutable and checked when built, so a value Bandwidth
 * would refuse fails before anything is sent. A flow records these through its {@link io.switchboard.domain.flow.FlowContext}; the entity
 * stores them with the event they answer and issues them once the reply is decided.
 */
public sealed interface CallControlRequest
        permits CreateCall,
                UpdateCall,
                ReplaceCallBxml,
                UpdateConference,
                ReplaceConferenceBxml,
                UpdateConferenceMember {

    /** The operation as Bandwidth's API reference names it: {@code createCall}, {@code updateCall}, ... */
    String operation();

    /** Sends this request through {@code control}; completes with what Bandwidth answered, or fails. */
    CompletionStage<?> sendThrough(CallControl control);
}
