package io.switchboard.adapters.http.problem;

import akka.http.javadsl.model.StatusCode;
import akka.http.javadsl.model.StatusCodes;

/** The kinds of problem the webhook server reports, each with its RFC 9457 type URI, title and status. */
public enum ProblemType {
    INVALID_PAYLOAD("invalid-payload", "Invalid webhook payload", StatusCodes.BAD_REQUEST),
    UNAUTHORIZED("unauthorized", "Authentication required", StatusCodes.UNAUTHORIZED),
    NOT_FOUND("not-found", "Not found", StatusCodes.NOT_FOUND),
    UNKNOWN_CHANNEL("unknown-channel", "Unknown webhook channel", StatusCodes.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", StatusCodes.METHOD_NOT_ALLOWED),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", StatusCodes.PAYLOAD_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", StatusCodes.UNSUPPORTED_MEDIA_TYPE),
    SERVICE_UNAVAILABLE("service-unavailable", "Service temporarily unavailable", StatusCodes.SERVICE_UNAVAILABLE);

    /** Not dereferenceable on purpose: the type identifies the problem, the docs module describes it. */
    private static final String TYPE_PREFIX = "urn:switchboard:problem:";

    private final String uri;
    private final String title;
    private final StatusCode status;

    ProblemType(String slug, String title, StatusCode status) {
        this.uri = TYPE_PREFIX + slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public StatusCode status() {
        return status;
    }
}
