package io.switchboard.domain.common;

import java.time.Instant;

/**
 * One webhook from Bandwidth, as the domain sees it. Each event belongs to exactly one entity: a call's
 * events to its call entity, a conference's to its conference entity.
 *
 * <p>Events are records: two deliveries of the same event are equal, which is how redelivery is recognised.
 */
public interface VoiceEvent {

    /** The name Bandwidth's live platform gives this kind of event ({@code gather}, {@code recordComplete}...). */
    String eventType();

    /** When Bandwidth emitted the event; {@code null} when the payload did not say (the contract has no such field). */
    Instant eventTime();

    /** The id of the entity that handles this event. */
    String entityId();

    /** The name of that id's field ({@code callId}, {@code conferenceId}): the key logs carry it under. */
    String entityIdName();

    /**
     * What Bandwidth does with the reply. Only events whose reply it executes may be answered with BXML;
     * for the others the service answers with an empty 200.
     */
    ReplyExpectation replyExpectation();

    /**
     * Which verbs the BXML of a reply to this event may hold, when {@link #replyExpectation()} allows BXML at all: a
     * reply that breaks a rule of that context is replaced by the fallback.
     */
    ReplyContext replyContext();
}
