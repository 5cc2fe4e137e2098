package io.switchboard.adapters.http.admin;

import static akka.http.javadsl.server.Directives.complete;
import static akka.http.javadsl.server.Directives.entity;
import static akka.http.javadsl.server.Directives.onComplete;

import akka.http.javadsl.marshallers.jackson.Jackson;
import akka.http.javadsl.marshalling.Marshaller;
import akka.http.javadsl.model.RequestEntity;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.RetryAfter;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.adapters.http.problem.Problem;
import io.switchboard.adapters.http.problem.ProblemRenderer;
import io.switchboard.domain.control.CallControl;
import io.switchboard.domain.control.CallControlFailure;
import io.switchboard.domain.control.CreateCall;
import io.switchboard.domain.control.CreatedCall;
import io.switchboard.domain.control.InvalidRequestException;
import java.time.Instant;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /admin/calls}: places an outbound call through call control. The body names the call as
 * Bandwidth's createCall does (a subset: {@code to}, {@code from}, {@code applicationId}, {@code answerUrl},
 * {@code disconnectUrl}, {@code machineDetection} as {@code "async"} or {@code "sync"}, {@code tag},
 * {@code callTimeout}, {@code priority}, {@code displayName}); absent callbacks come to this service, so the call
 * runs through its flow. {@code 201} with the call's id; a refused value is a {@code 400} naming the field;
 * Bandwidth's refusal a {@code 502} with its error; a full queue or no call control a {@code 503}; a create
 * without an answer a {@code 504} (it may have been placed: look before trying again).
 */
final class CallPlacement {

    /** What the operator posts. */
    record PlaceCall(
            String to,
            String from,
            String applicationId,
            String answerUrl,
            String disconnectUrl,
            String machineDetection,
            String tag,
            Double callTimeout,
            Integer priority,
            String displayName) {

        CreateCall toRequest() {
            return CreateCall.builder(to, from)
                    .applicationId(applicationId)
                    .answerUrl(answerUrl)
                    .disconnectUrl(disconnectUrl)
                    .machineDetectionMode(machineDetection)
                    .tag(tag)
                    .callTimeout(callTimeout)
                    .priority(priority)
                    .displayName(displayName)
                    .build();
        }
    }

    /** What the operator gets back. */
    record Placed(String callId, String callUrl, Instant enqueuedTime) {}

    private static final long RETRY_AFTER_SECONDS = 5;

    private final CallControl callControl;
    private final ObjectMapper strict;
    private final Marshaller<Object, RequestEntity> json;
    private final ProblemRenderer problems;

    CallPlacement(CallControl callControl, ObjectMapper mapper, ProblemRenderer problems) {
        this.callControl = callControl;
        // A misspelt field would silently place a different call: refused instead.
        this.strict = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.json = Jackson.marshaller(AdminViews.jsonMapper(mapper));
        this.problems = problems;
    }

    Route route() {
        return entity(Unmarshaller.entityToString(), text -> {
            CreateCall request;
            try {
                request = strict.readValue(text, PlaceCall.class).toRequest();
            } catch (InvalidRequestException invalid) {
                return badRequest(invalid.getMessage(), invalid.field());
            } catch (JsonMappingException unreadable) {
                String field = unreadable.getPath().isEmpty()
                        ? null
                        : unreadable.getPath().get(0).getFieldName();
                return badRequest("The call to place is not one: " + unreadable.getOriginalMessage(), field);
            } catch (JsonProcessingException notJson) {
                return badRequest("The call to place must be a JSON object: " + notJson.getOriginalMessage(), null);
            }
            return onComplete(
                    callControl.createCall(request),
                    outcome -> outcome.isSuccess()
                            ? placed(outcome.get())
                            : failed(outcome.failed().get()));
        });
    }

    private Route badRequest(String detail, String field) {
        Problem problem = Problem.ofStatus(StatusCodes.BAD_REQUEST, detail);
        return complete(problems.render(field == null ? problem : problem.withField(field)));
    }

    private Route placed(CreatedCall created) {
        return complete(
                StatusCodes.CREATED,
                new Placed(created.callId().value(), created.callUrl(), created.enqueuedTime()),
                json);
    }

    private Route failed(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof InvalidRequestException invalid) {
            return badRequest(invalid.getMessage(), invalid.field());
        }
        if (!(cause instanceof CallControlFailure refused)) {
            return complete(problems.render(Problem.ofStatus(StatusCodes.BAD_GATEWAY, "Call control failed")));
        }
        return switch (refused.kind()) {
            case QUEUE_FULL, NOT_CONFIGURED, RATE_LIMITED ->
                complete(problems.render(
                        Problem.ofStatus(StatusCodes.SERVICE_UNAVAILABLE, refused.getMessage()),
                        RetryAfter.create(RETRY_AFTER_SECONDS)));
            case OUTCOME_UNKNOWN ->
                complete(problems.render(Problem.ofStatus(
                        StatusCodes.GATEWAY_TIMEOUT,
                        refused.getMessage() + "; the call may have been placed: look it up before placing it again")));
            default -> complete(problems.render(Problem.ofStatus(StatusCodes.BAD_GATEWAY, refused.getMessage())));
        };
    }
}
