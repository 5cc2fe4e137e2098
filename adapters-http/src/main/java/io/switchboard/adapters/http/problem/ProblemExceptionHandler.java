package io.switchboard.adapters.http.problem;

import static akka.http.javadsl.server.Directives.complete;
import static akka.http.javadsl.server.Directives.extractUri;

import akka.http.javadsl.model.StatusCode;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.RetryAfter;
import akka.http.javadsl.server.ExceptionHandler;
import akka.http.scaladsl.model.EntityStreamSizeException;
import akka.http.scaladsl.model.IllegalRequestException;
import akka.http.scaladsl.model.IllegalUriException;
import io.switchboard.adapters.http.json.InvalidPayloadException;
import io.switchboard.application.port.in.AdmissionRefusedException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns failures into problems: a bad payload is the client's 400, an oversized one its 413, and anything else
 * is ours, answered with 503 and {@code Retry-After} so Bandwidth tries again rather than giving up on a 500.
 */
public final class ProblemExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private ProblemExceptionHandler() {}

    /**
     * @param retryAfter how long a 503 asks the client to wait (whole seconds, at least one)
     */
    public static ExceptionHandler create(ProblemRenderer problems, Duration retryAfter) {
        RetryAfter retry = RetryAfter.create(Math.max(1, retryAfter.toSeconds()));
        return ExceptionHandler.newBuilder()
                .match(InvalidPayloadException.class, invalid -> complete(problems.render(invalidPayload(invalid))))
                // Akka's own verdict on the request, e.g. a body over the limit while it was being read.
                .match(
                        IllegalRequestException.class,
                        illegal -> complete(problems.render(
                                clientError(illegal.status(), illegal.info().summary()))))
                .match(
                        EntityStreamSizeException.class,
                        tooLarge -> complete(problems.render(payloadTooLarge(tooLarge))))
                // A query string that is not well-formed (bad percent-encoding), found when the route reads it.
                .match(
                        IllegalUriException.class,
                        illegal -> complete(problems.render(Problem.of(
                                ProblemType.INVALID_PAYLOAD, illegal.info().summary()))))
                .match(
                        AdmissionRefusedException.class,
                        refused -> complete(problems.render(admissionRefused(refused), retry)))
                .matchAny(failure ->
                        extractUri(uri -> complete(problems.render(unexpected(uri.path(), failure), retry))))
                .build();
    }

    /** A new call refused by memory admission: a 503 that asks for the event again later. */
    public static Problem admissionRefused(AdmissionRefusedException refused) {
        return Problem.of(
                ProblemType.SERVICE_UNAVAILABLE, "New calls are refused for now: " + refused.getMessage() + "; retry");
    }

    /** A failure nobody expected, logged with {@code path} (the path only: queries and headers may hold secrets). */
    public static Problem unexpected(String path, Throwable failure) {
        log.error("Unexpected failure answering {}", path, failure);
        return Problem.of(ProblemType.SERVICE_UNAVAILABLE, "The webhook could not be handled; retry");
    }

    private static Problem invalidPayload(InvalidPayloadException invalid) {
        return Problem.of(ProblemType.INVALID_PAYLOAD, invalid.detail())
                .withField(invalid.field().orElse(null))
                .withChannel(invalid.channel().orElse(null));
    }

    static Problem payloadTooLarge(EntityStreamSizeException tooLarge) {
        return Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The body must not exceed " + tooLarge.limit() + " bytes");
    }

    private static Problem clientError(StatusCode status, String detail) {
        return status.equals(StatusCodes.PAYLOAD_TOO_LARGE)
                ? Problem.of(ProblemType.PAYLOAD_TOO_LARGE, detail)
                : Problem.ofStatus(status, detail);
    }
}
