package io.switchboard.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.typed.ActorSystem;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpHeader;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** One request through a sealed route in this JVM, without binding a port, and its response read in full. */
record Exchange(HttpResponse response, String body) {

    static Exchange send(ActorSystem<?> system, Route route, HttpRequest request) throws Exception {
        return read(system, route.handler(system).apply(request));
    }

    /** The response {@code answered} completes with, read in full. */
    static Exchange read(ActorSystem<?> system, CompletionStage<HttpResponse> answered) throws Exception {
        HttpResponse response = answered.toCompletableFuture().get(5, TimeUnit.SECONDS);
        String body = response.entity()
                .toStrict(5_000, system)
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS)
                .getData()
                .utf8String();
        return new Exchange(response, body);
    }

    static HttpRequest post(String path, ObjectNode payload) {
        return post(path, Payloads.json(payload));
    }

    static HttpRequest post(String path, String json) {
        return HttpRequest.POST(path).withEntity(ContentTypes.APPLICATION_JSON, json);
    }

    int status() {
        return response.status().intValue();
    }

    String contentType() {
        return response.entity().getContentType().toString();
    }

    String header(String name) {
        return response.getHeader(name).map(HttpHeader::value).orElse(null);
    }

    /** The problem document, checked to be one: RFC 9457 media type, its status matching the response's. */
    JsonNode problem() throws Exception {
        assertEquals("application/problem+json", contentType(), body);
        JsonNode problem = Payloads.MAPPER.readTree(body);
        assertEquals(status(), problem.path("status").asInt());
        assertTrue(problem.path("type").isTextual() && problem.path("title").isTextual(), body);
        return problem;
    }
}
