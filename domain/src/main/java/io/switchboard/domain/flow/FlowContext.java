package io.switchboard.domain.flow;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.control.CallControl;
import io.switchboard.domain.control.CallControlQueries;
import io.switchboard.domain.control.CallControlRequest;
import io.switchboard.domain.control.CreateCall;
import io.switchboard.domain.control.ReplaceCallBxml;
import io.switchboard.domain.control.ReplaceConferenceBxml;
import io.switchboard.domain.control.UpdateCall;
import io.switchboard.domain.control.UpdateConference;
import io.switchboard.domain.control.UpdateConferenceMember;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

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
 * <p>Flow data: one flow instance serves every call, so a flow keeps what it must remember about a call (an
 * attempt count, an account found) not in its fields but as the call's data, any JSON-serializable record:
 * {@link #setData} with the reply, {@link #data} in any later event of the call, on whichever node it runs. The
 * data an event sets is stored with that event (journaled in journal mode, so recovered with it), kept only if
 * the flow's own reply goes out, and bounded in size ({@code switchboard.flow-data.max-bytes}).
 *
 * <p>Side work: {@link #sideWork} starts asynchronous work beside the reply (a recording download, a CRM update),
 * once the reply is decided; it neither holds the call's later events nor counts against the reply deadline, its
 * failures are logged and counted, and a redelivered event does not start it again.
 *
 * <p>Thread-safe: a flow answering {@link io.switchboard.domain.verb.Reply#later} may record from another thread
 * until its reply is decided.
 */
public final class FlowContext {

    private final CallControlQueries queries;
    private final FlowServices services;
    private final String owner;
    private final List<CallControlRequest> requests = new ArrayList<>();
    private final List<SideWork> sideWork = new ArrayList<>();
    private FlowData data;
    private FlowData dataSet;
    private RuntimeException dataRefused;
    private boolean closed;

    /** A context with call control only: flow data and side work are refused. */
    public FlowContext(CallControlQueries queries) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.services = null;
        this.owner = "";
    }

    /**
     * The context of an event of {@code owner} (a call or conference id), whose flow data is {@code data}
     * ({@code null}: none yet).
     */
    public FlowContext(FlowServices services, String owner, FlowData data) {
        this.services = Objects.requireNonNull(services, "services");
        this.queries = services.callControl();
        this.owner = Objects.requireNonNull(owner, "owner");
        this.data = data;
    }

    /** Reads from Bandwidth, sent at once: a call's state, its recordings, their media and transcriptions. */
    public CallControlQueries queries() {
        return queries;
    }

    /**
     * Call control sent at once, for side work: an unmute a few seconds after a join, a hang-up once a download
     * is done. Unlike the handles' requests, what goes this way is not on the timeline and is the side work's to
     * retry; side work runs at most once, never for a redelivery.
     */
    public CallControl control() {
        return services().callControl();
    }

    /** Records {@code request}, to be issued once the reply is decided. */
    public synchronized FlowContext request(CallControlRequest request) {
        Objects.requireNonNull(request, "request");
        refuseOnceClosed(request.operation() + " requested");
        requests.add(request);
        return this;
    }

    private void refuseOnceClosed(String what) {
        if (closed) {
            throw new IllegalStateException(
                    what + " after the event's reply was decided: it would not be recorded, so it is refused");
        }
    }

    private FlowServices services() {
        if (services == null) {
            throw new IllegalStateException("this context has call control only: no flow data, no side work");
        }
        return services;
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

    /**
     * The call's (or conference's) flow data as a {@code type}, as the latest event set it (this one included);
     * empty when none was set. A record of an older or newer version reads it: fields it does not know are
     * ignored, fields missing from the data take their defaults.
     */
    public synchronized <T> Optional<T> data(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return data == null
                ? Optional.empty()
                : Optional.of(services().dataCodec().read(data, type));
    }

    /** The flow data as a {@code type}, or {@code absent}'s value when none was set yet. */
    public <T> T data(Class<T> type, Supplier<? extends T> absent) {
        return data(type).orElseGet(absent);
    }

    /**
     * Sets the call's (or conference's) flow data to {@code value}, a JSON-serializable record, replacing what
     * was there; kept with this event if the flow's reply goes out. Data over the size limit throws a
     * {@link FlowDataTooLargeException}, and the event is answered with the fallback even if the flow catches it.
     */
    public synchronized FlowContext setData(Object value) {
        Objects.requireNonNull(value, "value");
        refuseOnceClosed("flow data set");
        FlowData written = services().dataCodec().write(value);
        if (written.bytes() > services.maxDataBytes()) {
            dataRefused = new FlowDataTooLargeException(value.getClass(), written.bytes(), services.maxDataBytes());
            throw dataRefused;
        }
        data = written;
        dataSet = written;
        return this;
    }

    /** The data this event set, {@code null} if none; for the entity, once the reply is decided. */
    public synchronized FlowData dataSet() {
        return dataSet;
    }

    /** Why data this event tried to set was refused, {@code null} if none was; it turns the reply to the fallback. */
    public synchronized RuntimeException dataRefused() {
        return dataRefused;
    }

    /**
     * Starts {@code work} once the reply is decided, off the call's path: a download, an update elsewhere. Named
     * for the logs and metrics. It must return at once with its stage (never block); it runs at most once.
     */
    public FlowContext sideWork(String name, Supplier<? extends CompletionStage<?>> work) {
        return sideWorkAfter(Duration.ZERO, name, work);
    }

    /**
     * Starts {@code work} {@code delay} after the reply is decided (within {@code switchboard.side-work.max-delay}),
     * e.g. to unmute a conference member after a few seconds.
     */
    public synchronized FlowContext sideWorkAfter(
            Duration delay, String name, Supplier<? extends CompletionStage<?>> work) {
        refuseOnceClosed("side work " + name);
        services();
        sideWork.add(new SideWork(owner, name, delay, work));
        return this;
    }

    /** The side work this event's flow asked for, in order; for the entity, once the reply is decided. */
    public synchronized List<SideWork> sideWorkRequested() {
        return List.copyOf(sideWork);
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
