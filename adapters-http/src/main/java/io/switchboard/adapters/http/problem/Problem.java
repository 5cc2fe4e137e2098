package io.switchboard.adapters.http.problem;

import akka.http.javadsl.model.StatusCode;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * An RFC 9457 problem detail, with two extension members: the JSON {@code field} at fault and the webhook
 * {@code channel} concerned, each left out when unknown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, String channel) {

    /** RFC 9457's type for a problem that says no more than its HTTP status. */
    static final String STATUS_ONLY_TYPE = "about:blank";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status().intValue(), detail, null, null);
    }

    /** A problem known only by its status, e.g. one Akka's default rejection handler described. */
    public static Problem ofStatus(StatusCode status, String detail) {
        return new Problem(STATUS_ONLY_TYPE, status.reason(), status.intValue(), detail, null, null);
    }

    public Problem withField(String jsonField) {
        return new Problem(type, title, status, detail, jsonField, channel);
    }

    public Problem withChannel(String channelName) {
        return new Problem(type, title, status, detail, field, channelName);
    }
}
