package io.switchboard.testkit.simulator;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The conferences simulated calls meet in, shared by every call of a run. A conference is created by the first
 * call that names it and completed when its last member leaves; a later call of the same name starts a new one.
 * Each conference's events are delivered one after another, in the order its members came and went.
 */
final class ConferenceRooms {
    private final String runTag;
    private final AtomicLong created = new AtomicLong();
    private final Map<String, Room> open = new HashMap<>();

    ConferenceRooms(String runTag) {
        this.runTag = runTag;
    }

    /** One conference: who is in it, where its events go, and the tail of its event queue. */
    static final class Room {
        final String conferenceId;
        final String name;
        final String tag;
        final URI eventUrl;
        private final Set<String> members = new HashSet<>();
        private CompletionStage<Void> tail = CompletableFuture.completedFuture(null);

        private Room(String conferenceId, String name, String tag, URI eventUrl) {
            this.conferenceId = conferenceId;
            this.name = name;
            this.tag = tag;
            this.eventUrl = eventUrl;
        }

        /** Runs {@code delivery} once every event queued before it was delivered. */
        private CompletionStage<Void> inOrder(Function<Room, CompletionStage<Void>> delivery) {
            // A failed delivery fails the call that queued it, never the members queued after it.
            tail = tail.exceptionally(failure -> null).thenCompose(previous -> delivery.apply(this));
            return tail;
        }
    }

    /**
     * Adds {@code callId} to the conference {@code name} (creating it with the creator's tag and event URL), and
     * queues the events that follow through {@code events}, given the room and whether this call created it.
     */
    synchronized CompletionStage<Void> join(
            String name,
            String callId,
            String tag,
            URI eventUrl,
            BiFunction<Room, Boolean, CompletionStage<Void>> events) {
        Room room = open.get(name);
        boolean creates = room == null;
        if (creates) {
            room = new Room("conf-" + runTag + "-" + Long.toHexString(created.incrementAndGet()), name, tag, eventUrl);
            open.put(name, room);
        }
        room.members.add(callId);
        return room.inOrder(joined -> events.apply(joined, creates));
    }

    /**
     * Takes {@code callId} out of its conference and queues the events that follow through {@code events}, given
     * whether it was the last member (the conference is then over).
     */
    synchronized CompletionStage<Void> leave(
            String name, String callId, BiFunction<Room, Boolean, CompletionStage<Void>> events) {
        Room room = open.get(name);
        if (room == null || !room.members.remove(callId)) {
            throw new IllegalStateException(callId + " is not in the conference " + name);
        }
        boolean last = room.members.isEmpty();
        if (last) {
            open.remove(name);
        }
        return room.inOrder(left -> events.apply(left, last));
    }
}
