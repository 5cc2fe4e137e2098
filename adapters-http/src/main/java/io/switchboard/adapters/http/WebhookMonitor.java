package io.switchboard.adapters.http;

import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * Hears what the webhook edge tolerated or refused, for counting (a metrics endpoint implements it). Called on
 * the request's thread: implementations must be quick and must not throw. Never given credentials or bodies.
 */
public interface WebhookMonitor {
    /** Counts nothing. */
    WebhookMonitor NONE = new WebhookMonitor() {};

    /** An event of a type this version does not know (or could not read) was recorded on its call or conference. */
    default void unrecognizedEvent(String eventType) {}

    /** An event of a type nobody knows named neither a call nor a conference: acknowledged, kept nowhere. */
    default void unattributedEvent(String eventType) {}

    /** Fields beyond the contract arrived malformed and were kept as sent. */
    default void unparsedFields(String eventType, Set<String> fields) {}

    /** A webhook was refused with 503 because too many were in flight. */
    default void shed() {}

    /** A request came on a connection past the served connections' limit: refused with 503, its connection closed. */
    default void connectionRefused() {}

    /** The flow's reply could not be rendered as BXML; the fallback was sent instead. */
    default void replyReplacedByFallback(String eventType) {}

    /** A webhook answered without the routes (they observe their own) was refused: {@code response} is no 2xx. */
    default void refusedWebhook(HttpRequest request, HttpResponse response, Duration took) {}
}
