package io.switchboard.testkit.voiceapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call as the simulated Voice API holds it: created through the API (queued, then dialled at the configured
 * rate) or known from the simulator's inbound calls; its state as Bandwidth names it, the create request it came
 * from, and what the API was asked to do to it since.
 */
public final class SimulatedCall {

    /** Bandwidth's states of a call. */
    public enum State {
        QUEUED("queued"),
        INITIATED("initiated"),
        ANSWERED("answered"),
        DISCONNECTED("disconnected");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    private final String callId;
    private final Map<String, Object> created;
    private State state;
    private String tag;
    private final List<Map<String, Object>> updates = new ArrayList<>();
    private final List<String> bxmlDocuments = new ArrayList<>();

    SimulatedCall(String callId, Map<String, Object> created, State state) {
        this.callId = callId;
        this.created = created;
        this.state = state;
        this.tag = created == null ? null : Documents.text(created, "tag");
    }

    public String callId() {
        return callId;
    }

    /** The createCall body it was placed with; empty for a call the API did not place. */
    public synchronized Optional<Map<String, Object>> createdWith() {
        return Optional.ofNullable(created);
    }

    public synchronized State state() {
        return state;
    }

    public synchronized String tag() {
        return tag;
    }

    /** Every updateCall body, in order. */
    public synchronized List<Map<String, Object>> updates() {
        return List.copyOf(updates);
    }

    /** Every BXML document that replaced its BXML, in order. */
    public synchronized List<String> bxmlDocuments() {
        return List.copyOf(bxmlDocuments);
    }

    /** Moves the call on: the simulator dials, answers and ends it. */
    public synchronized void moveTo(State next) {
        state = next;
    }

    public synchronized boolean active() {
        return state == State.INITIATED || state == State.ANSWERED;
    }

    synchronized void updated(Map<String, Object> body) {
        updates.add(body);
        String retagged = Documents.text(body, "tag");
        if (retagged != null) {
            tag = retagged;
        }
    }

    synchronized void replaced(String bxml) {
        bxmlDocuments.add(bxml);
    }
}
