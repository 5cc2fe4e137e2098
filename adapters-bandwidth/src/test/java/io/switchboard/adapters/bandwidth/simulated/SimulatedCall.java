package io.switchboard.adapters.bandwidth.simulated;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
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
    private final JsonNode created;
    private State state;
    private String tag;
    private final List<JsonNode> updates = new ArrayList<>();
    private final List<String> bxmlDocuments = new ArrayList<>();

    SimulatedCall(String callId, JsonNode created, State state) {
        this.callId = callId;
        this.created = created;
        this.state = state;
        this.tag = created == null || !created.hasNonNull("tag")
                ? null
                : created.get("tag").asText();
    }

    public String callId() {
        return callId;
    }

    /** The createCall body it was placed with; empty for a call the API did not place. */
    public synchronized Optional<JsonNode> createdWith() {
        return Optional.ofNullable(created);
    }

    public synchronized State state() {
        return state;
    }

    public synchronized String tag() {
        return tag;
    }

    /** Every updateCall body, in order. */
    public synchronized List<JsonNode> updates() {
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

    synchronized boolean active() {
        return state == State.INITIATED || state == State.ANSWERED;
    }

    synchronized void updated(JsonNode body) {
        updates.add(body);
        if (body.hasNonNull("tag")) {
            tag = body.get("tag").asText();
        }
    }

    synchronized void replaced(String bxml) {
        bxmlDocuments.add(bxml);
    }
}
