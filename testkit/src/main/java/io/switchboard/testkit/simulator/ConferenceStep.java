package io.switchboard.testkit.simulator;

import static io.switchboard.testkit.simulator.CallContext.done;

import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceCompleted;
import io.switchboard.domain.conference.ConferenceCreated;
import io.switchboard.domain.conference.ConferenceDetails;
import io.switchboard.domain.conference.ConferenceMember;
import io.switchboard.domain.conference.ConferenceMemberExited;
import io.switchboard.domain.conference.ConferenceMemberJoined;
import io.switchboard.domain.verb.Conference;
import io.switchboard.testkit.simulator.CallActivity.Party;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Plays a {@code <Conference>}: the leg joins the run's room of that name (the first member creates it), stays as
 * long as the person on it does, and leaves (the last one out completes it). The room's events go to the URL of
 * the member that created it.
 */
final class ConferenceStep {
    private static final Duration DEFAULT_STAY = Duration.ofSeconds(30);

    private final CallContext call;

    ConferenceStep(CallContext call) {
        this.call = call;
    }

    CompletionStage<CallOutcome> play(
            CallLeg leg, BxmlDocument document, Conference conference, Supplier<CompletionStage<CallOutcome>> next) {
        call.ran(leg, conference);
        URI eventUrl = document.resolve(conference.conferenceEvent(), "conferenceEventUrl");
        ConferenceMember member = new ConferenceMember(leg.callId, leg.from, leg.to);
        ConferenceRooms rooms = call.player.rooms();
        CompletionStage<Void> joined = rooms.join(
                conference.name(),
                leg.id(),
                leg.tag,
                eventUrl,
                (room, created) -> (created
                                ? conferenceEvent(leg, room, new ConferenceCreated(details(room)))
                                : CompletableFuture.<Void>completedFuture(null))
                        .thenCompose(ignored ->
                                conferenceEvent(leg, room, new ConferenceMemberJoined(details(room), member))));
        return joined.thenCompose(ignored -> leg.person.respond(conference, leg.gathersHeard))
                .thenCompose(move -> {
                    call.advance(move.after() != null ? move.after() : DEFAULT_STAY);
                    CompletionStage<Void> left = rooms.leave(
                            conference.name(),
                            leg.id(),
                            (room, last) -> conferenceEvent(
                                            leg, room, new ConferenceMemberExited(details(room), member))
                                    .thenCompose(ignored -> last
                                            ? conferenceEvent(leg, room, new ConferenceCompleted(details(room)))
                                            : CompletableFuture.completedFuture(null)));
                    return left.thenCompose(
                            ignored -> move.hangsUp() ? done(CallOutcome.hungUpByCaller()) : next.get());
                });
    }

    private ConferenceDetails details(ConferenceRooms.Room room) {
        return new ConferenceDetails(ConferenceId.of(room.conferenceId), room.name, room.tag, call.now());
    }

    /** Sends a conference event; BXML in its reply plays to the whole conference and causes no callbacks here. */
    private CompletionStage<Void> conferenceEvent(CallLeg leg, ConferenceRooms.Room room, VoiceEvent event) {
        if (room.eventUrl == null) {
            return CompletableFuture.completedFuture(null);
        }
        return call.send(leg, room.eventUrl, event).thenAccept(sent -> {
            Delivery delivery = sent.delivery();
            if (delivery.bxml() != null && delivery.status() == 200) {
                delivery.bxml()
                        .verbs()
                        .forEach(verb ->
                                call.observer.activity(CallActivity.ran(Party.CONFERENCE, leg.id(), verb, call.now())));
            }
        });
    }
}
