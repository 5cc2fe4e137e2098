package io.switchboard.adapters.http.admin;

import static akka.http.javadsl.server.Directives.*;

import akka.http.javadsl.marshallers.jackson.Jackson;
import akka.http.javadsl.marshalling.Marshaller;
import akka.http.javadsl.model.RequestEntity;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.RetryAfter;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.server.directives.SecurityDirectives.ProvidedCredentials;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.http.HttpSettings;
import io.switchboard.adapters.http.WebhookCredentials;
import io.switchboard.adapters.http.problem.Problem;
import io.switchboard.adapters.http.problem.ProblemExceptionHandler;
import io.switchboard.adapters.http.problem.ProblemRejectionHandler;
import io.switchboard.adapters.http.problem.ProblemRenderer;
import io.switchboard.adapters.http.problem.ProblemType;
import io.switchboard.application.port.in.ClusterShapeQuery;
import io.switchboard.application.port.in.EntityQuery;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.control.CallControl;
import io.switchboard.domain.entity.EntityInspection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' API, under {@code /admin} on the webhook port, behind credentials of its own:
 * <ul>
 *   <li>{@code GET /admin/calls/{callId}}: the call's state and its recent events, each with when it came, the
 *       reply it got and where that reply came from;</li>
 *   <li>{@code GET /admin/conferences/{conferenceId}}: the conference's state (members, history) and events;</li>
 *   <li>{@code GET /admin/cluster}: the members with their status and roles, and the shards and active
 *       entities each one holds;</li>
 *   <li>{@code POST /admin/calls}: places an outbound call ({@link CallPlacement}).</li>
 * </ul>
 * Everything is JSON; every error a problem: 401 with a challenge, 400 for a malformed id, 404 for a call or
 * conference no entity holds, 503 with {@code Retry-After} when the cluster does not answer in time.
 */
public final class AdminRoutes {
    private static final Logger log = LoggerFactory.getLogger(AdminRoutes.class);
    public static final String REALM = "switchboard-admin";
    private static final long RETRY_AFTER_SECONDS = 1;

    private final EntityQuery entities;
    private final ClusterShapeQuery cluster;
    private final WebhookCredentials credentials;
    private final AdminViews views;
    private final Marshaller<Object, RequestEntity> json;
    private final ProblemRenderer problems;
    private final CallPlacement placement;

    public AdminRoutes(
            EntityQuery entities,
            ClusterShapeQuery cluster,
            WebhookCredentials credentials,
            BxmlWriter bxmlWriter,
            ObjectMapper mapper) {
        this(entities, cluster, CallControl.unavailable(), credentials, bxmlWriter, mapper);
    }

    /** With {@code POST /admin/calls} placing calls through {@code callControl}. */
    public AdminRoutes(
            EntityQuery entities,
            ClusterShapeQuery cluster,
            CallControl callControl,
            WebhookCredentials credentials,
            BxmlWriter bxmlWriter,
            ObjectMapper mapper) {
        this.entities = Objects.requireNonNull(entities, "entities");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.views = new AdminViews(bxmlWriter);
        this.json = Jackson.marshaller(AdminViews.jsonMapper(mapper));
        this.problems = new ProblemRenderer(mapper);
        this.placement = new CallPlacement(callControl, mapper, problems);
    }

    /** {@code /admin/...}, sealed: whatever else falls under it is answered with a problem here. */
    public Route route() {
        return pathPrefix(
                "admin",
                () -> authenticateBasic(
                                REALM,
                                provided ->
                                        provided.filter(credentials::matches).map(ProvidedCredentials::identifier),
                                operator -> concat(
                                        get(() -> concat(
                                                path(
                                                        PathMatchers.segment("calls")
                                                                .slash(PathMatchers.segment()),
                                                        this::call),
                                                path(
                                                        PathMatchers.segment("conferences")
                                                                .slash(PathMatchers.segment()),
                                                        this::conference),
                                                path("cluster", this::clusterShape))),
                                        post(() -> path("calls", placement::route))))
                        .seal(
                                ProblemRejectionHandler.create(problems),
                                ProblemExceptionHandler.create(problems, HttpSettings.DEFAULT_RETRY_AFTER)));
    }

    private Route call(String rawId) {
        return withId("callId", rawId, CallId::of, id -> inspected("call", rawId, entities.call(id)));
    }

    private Route conference(String rawId) {
        return withId(
                "conferenceId", rawId, ConferenceId::of, id -> inspected("conference", rawId, entities.conference(id)));
    }

    /** The id as the domain's value type, or a 400 naming the field when it cannot be one. */
    private <I> Route withId(String field, String raw, Function<String, I> parse, Function<I, Route> inner) {
        I id;
        try {
            id = parse.apply(raw);
        } catch (IllegalArgumentException invalid) {
            return complete(problems.render(Problem.ofStatus(StatusCodes.BAD_REQUEST, invalid.getMessage())
                    .withField(field)));
        }
        return inner.apply(id);
    }

    private Route inspected(String kind, String id, CompletionStage<Optional<EntityInspection>> inspection) {
        return answered(
                inspection,
                found -> found.map(entity -> json(views.entity(id, entity)))
                        .orElseGet(() -> complete(problems.render(Problem.of(
                                ProblemType.NOT_FOUND,
                                "No " + kind + " '" + id
                                        + "' is held in the cluster: never seen, or ended and passivated")))));
    }

    private Route clusterShape() {
        return answered(cluster.clusterShape(), this::json);
    }

    /** onComplete, not thenApply: see STYLE pitfall 11; a query that timed out is a 503 to retry. */
    private <T> Route answered(CompletionStage<T> stage, Function<T, Route> inner) {
        return onComplete(stage, outcome -> {
            if (outcome.isSuccess()) {
                return inner.apply(outcome.get());
            }
            Throwable failure = outcome.failed().get();
            while (failure instanceof CompletionException && failure.getCause() != null) {
                failure = failure.getCause();
            }
            if (!(failure instanceof TimeoutException)) {
                return failWith(failure);
            }
            log.warn("admin query unanswered: {}", failure.getMessage());
            return complete(problems.render(
                    Problem.of(ProblemType.SERVICE_UNAVAILABLE, "The cluster did not answer in time; retry"),
                    RetryAfter.create(RETRY_AFTER_SECONDS)));
        });
    }

    private Route json(Object view) {
        return completeOK(view, json);
    }
}
