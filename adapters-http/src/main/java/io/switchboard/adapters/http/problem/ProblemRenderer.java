package io.switchboard.adapters.http.problem;

import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.HttpCharsets;
import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.HttpHeader;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.StatusCodes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Objects;

/** Renders {@link Problem}s as {@code application/problem+json} responses. */
public final class ProblemRenderer {
    public static final ContentType PROBLEM_JSON = MediaTypes.applicationWithFixedCharset(
                    "problem+json", HttpCharsets.UTF_8, "json")
            .toContentType();

    private final ObjectMapper mapper;

    public ProblemRenderer(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    public HttpResponse render(Problem problem, HttpHeader... headers) {
        return HttpResponse.create()
                .withStatus(StatusCodes.get(problem.status()))
                .withEntity(PROBLEM_JSON, toJson(problem))
                .addHeaders(Arrays.asList(headers));
    }

    /**
     * Re-renders a plain-text error response (Akka's default rejection handler writes those) as a problem,
     * keeping its status and headers; a response that is a problem already is returned as it is.
     */
    public HttpResponse asProblem(HttpResponse response) {
        if (response.entity().getContentType().equals(PROBLEM_JSON)) {
            return response;
        }
        String detail = response.entity() instanceof HttpEntity.Strict strict
                ? strict.getData().utf8String()
                : null;
        return response.withEntity(PROBLEM_JSON, toJson(Problem.ofStatus(response.status(), detail)));
    }

    private byte[] toJson(Problem problem) {
        try {
            return mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException impossible) {
            // A record of strings and an int always serialises; failing here is a programming error.
            throw new IllegalStateException("Cannot render problem " + problem, impossible);
        }
    }
}
