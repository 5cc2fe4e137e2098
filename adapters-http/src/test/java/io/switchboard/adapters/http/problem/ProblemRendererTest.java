package io.switchboard.adapters.http.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.RetryAfter;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.adapters.http.Payloads;
import org.junit.jupiter.api.Test;

class ProblemRendererTest {
    private final ProblemRenderer renderer = new ProblemRenderer(Payloads.MAPPER);

    private static JsonNode json(HttpResponse response) throws Exception {
        return Payloads.MAPPER.readTree(
                ((HttpEntity.Strict) response.entity()).getData().utf8String());
    }

    @Test
    void rendersTheProblemWithItsStatusAndHeaders() throws Exception {
        HttpResponse response =
                renderer.render(Problem.of(ProblemType.SERVICE_UNAVAILABLE, "retry"), RetryAfter.create(1L));

        assertEquals(503, response.status().intValue());
        assertEquals(
                "application/problem+json", response.entity().getContentType().toString());
        assertEquals("1", response.getHeader("Retry-After").orElseThrow().value());
        JsonNode problem = json(response);
        assertEquals(
                "urn:switchboard:problem:service-unavailable",
                problem.path("type").asText());
        assertFalse(problem.has("field"), "absent extension members are left out");
    }

    @Test
    void rewordsAPlainTextErrorAsAStatusOnlyProblem() throws Exception {
        HttpResponse plain = HttpResponse.create()
                .withStatus(StatusCodes.BAD_REQUEST)
                .withEntity(ContentTypes.TEXT_PLAIN_UTF8, "Request entity expected but not supplied");

        HttpResponse response = renderer.asProblem(plain);

        JsonNode problem = json(response);
        assertEquals(400, response.status().intValue());
        assertEquals("about:blank", problem.path("type").asText());
        assertEquals("Bad Request", problem.path("title").asText());
        assertEquals(
                "Request entity expected but not supplied",
                problem.path("detail").asText());
    }

    @Test
    void leavesAProblemAsItIs() {
        HttpResponse problem = renderer.render(Problem.of(ProblemType.NOT_FOUND, "No such resource"));

        assertSame(problem, renderer.asProblem(problem));
    }
}
