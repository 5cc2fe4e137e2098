package io.switchboard.adapters.http.problem;

import akka.event.LoggingAdapter;
import akka.http.ParsingErrorHandler;
import akka.http.javadsl.model.HttpMethods;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.headers.Allow;
import akka.http.scaladsl.model.ErrorInfo;
import akka.http.scaladsl.model.StatusCode;
import akka.http.scaladsl.settings.ServerSettings;
import io.switchboard.adapters.http.json.WebhookObjectMapper;

/**
 * Answers a request akka-http's parser refuses before any route sees it, as a problem. A method it does not know
 * ({@code FOO}, {@code PROPFIND}) is the client's fault: {@code 405} with {@code Allow} rather than akka-http's
 * {@code 501}, a server error for client input. Set as the webhook server's
 * {@code akka.http.server.parsing.error-handler}; akka-http makes it by reflection, with no arguments.
 */
public final class ParseErrorHandler extends ParsingErrorHandler {
    /** akka-http's own words for a method it cannot parse: unknown, or longer than it reads. */
    private static final String UNSUPPORTED_METHOD = "Unsupported HTTP method";

    /**
     * Shared: akka-http makes a handler for every connection it accepts, and a mapper of its own took a sixth of
     * the accepting thread's time in a flood of new connections.
     */
    private static final ProblemRenderer PROBLEMS = new ProblemRenderer(WebhookObjectMapper.create());

    @Override
    public HttpResponse handle(StatusCode status, ErrorInfo error, LoggingAdapter log, ServerSettings settings) {
        log.info("Refused a request its parser could not read ({}): {}", status, error.formatPretty());
        // 501 for a method it does not know, 400 for one longer than it reads: either way the client's.
        if (UNSUPPORTED_METHOD.equals(error.summary())) {
            return PROBLEMS.render(
                    Problem.of(ProblemType.METHOD_NOT_ALLOWED, "Allowed: GET, POST"),
                    Allow.create(HttpMethods.GET, HttpMethods.POST));
        }
        return PROBLEMS.render(Problem.ofStatus(status, error.summary()));
    }
}
