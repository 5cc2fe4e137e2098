package io.switchboard.domain.flow;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.control.CallControlQueries;
import io.switchboard.domain.control.CallControlRequest;
import io.switchboard.domain.control.CreateCall;
import io.switchboard.domain.control.ReplaceCallBxml;
import io.switchboard.domain.control.ReplaceConferenceBxml;
import io.switchboard.domain.control.UpdateCall;
import io.switchboard.domain.control.UpdateConference;
import io.switchboard.domain.control.UpdateConferenceMember;
import io.switchboard.domain.verb.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a flow method can do besides answering its event: one context per event, given to the flow with it.
 *
 * <p>Call control: a flow asks for calls to be placed, redirected, hung up, their BXML replaced, conferences
 * redirected or ended, members muted or held. Nothing is sent while the flow works: the requests are recorded
 * here, and the entity issues them once the event's reply is decided (in journal mode, once the event, the reply
 * and these requests are stored), off the actor's thread. Each request is kept on the call's (or conference's)
 * timeline with its outcome; a redelivered event gets its reply again without running the flow, so its requests
 * are not repeated, and neither are those of an event stored before a node stopped. A request made after the
 * reply was decided (from a callback that outlived the flow method) is refused.
 *
 * <p>Reading (a call's state, recordings, transcriptions) changes nothing, so {@link #queries()} goes to
 * Bandwidth at once.
 *
 * <p>Thread-safe: a flow answering {@link io.switchboard.domain.verb.Reply#later} may record from another thread
 * until its reply is decided.
 */
public final class FlowContext {

    private final CallControlQueries queries;
    private final List<CallControlRequest> requests = new ArrayList<>();
    private boolean closed;

    public FlowContext(CallControlQueries queries) {
        this.queries = Objects.requireNonNull(queries, "queries");
    }

    /** Reads from Bandwidth, sent at once: a call's state, its recordings, their media and transcriptions. */
    public CallControlQueries queries() {
        return queries;
    }

    /** Records {@code request}, to be issued once the reply is decided. */
    public synchronized FlowContext request(CallControlRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed) {
            throw new IllegalStateException(request.operation()
                    + " requested after the event's reply was decided: it would not be recorded, so it is refused");
        }
        requests.add(request);
        return this;
    }

    /** Places an outbound call; its webhooks go to the request's URLs (this service's channels by default). */
    public FlowContext placeCall(CreateCall request) {
        return request(request);
    }

    /** Steers the call {@code callId} (this call, or another one). */
    public CallHandle call(CallId callId) {
        return new CallHandle(Objects.requireNonNull(callId, "callId"));
    }

    /** Steers the conference {@code conferenceId} and its members. */
    public ConferenceHandle conference(ConferenceId conferenceId) {
        return new ConferenceHandle(Objects.requireNonNull(conferenceId, "conferenceId"));
    }

    /** The requests recorded so far, in order. */
    public synchronized List<CallControlRequest> requests() {
        return List.copyOf(requests);
    }

    /** The reply is decided: returns the requests recorded, and refuses any made later. */
    public synchronized List<CallControlRequest> close() {
        closed = true;
        return List.copyOf(requests);
    }

    /** Call-control requests about one call. */
    public final class CallHandle {
        private final CallId callId;

        private CallHandle(CallId callId) {
            this.callId = callId;
        }

        /** Interrupts the call's BXML and asks {@code url} for new BXML in a {@code redirect} webhook. */
        public CallHandle redirect(String url) {
            request(UpdateCall.redirect(callId, url));
            return this;
        }

        /** Interrupts the call's BXML and asks this service for new BXML: the flow's {@code onRedirect}. */
        public CallHandle redirectHere() {
            return redirect(null);
        }

        /** Hangs the call up (cancels it while queued). */
        public CallHandle hangUp() {
            request(UpdateCall.hangUp(callId));
            return this;
        }

        /** Interrupts the call's BXML and runs {@code bxml} instead. */
        public CallHandle replaceBxml(Response bxml) {
            request(new ReplaceCallBxml(callId, bxml));
            return this;
        }

        /** Any other update of the call: a redirect with its method, fallback and credentials, a new tag. */
        public CallHandle update(UpdateCall update) {
            if (!update.callId().equals(callId)) {
                throw new IllegalArgumentException("update of " + update.callId() + " given for " + callId);
            }
            request(update);
            return this;
        }
    }

    /** Call-control requests about one conference. */
    public final class ConferenceHandle {
        private final ConferenceId conferenceId;

        private ConferenceHandle(ConferenceId conferenceId) {
            this.conferenceId = conferenceId;
        }

        /** Asks {@code url} ({@code null}: this service) for BXML to run in the conference. */
        public ConferenceHandle redirect(String url) {
            request(UpdateConference.redirect(conferenceId, url));
            return this;
        }

        /** Ends the conference, ejecting every member. */
        public ConferenceHandle complete() {
            request(UpdateConference.complete(conferenceId));
            return this;
        }

        public ConferenceHandle replaceBxml(Response bxml) {
            request(new ReplaceConferenceBxml(conferenceId, bxml));
            return this;
        }

        public ConferenceHandle mute(CallId member) {
            request(UpdateConferenceMember.mute(conferenceId, member, true));
            return this;
        }

        public ConferenceHandle unmute(CallId member) {
            request(UpdateConferenceMember.mute(conferenceId, member, false));
            return this;
        }

        public ConferenceHandle hold(CallId member) {
            request(UpdateConferenceMember.hold(conferenceId, member, true));
            return this;
        }

        public ConferenceHandle release(CallId member) {
            request(UpdateConferenceMember.hold(conferenceId, member, false));
            return this;
        }

        /** Any other change of a member, such as the calls it coaches. */
        public ConferenceHandle updateMember(UpdateConferenceMember update) {
            if (!update.conferenceId().equals(conferenceId)) {
                throw new IllegalArgumentException(
                        "member update of " + update.conferenceId() + " given for " + conferenceId);
            }
            request(update);
            return this;
        }
    }
}
