package io.switchboard.adapters.http.admin;

import static akka.http.javadsl.server.Directives.*;

import akka.NotUsed;
import akka.http.javadsl.marshallers.jackson.Jackson;
import akka.http.javadsl.marshalling.Marshaller;
import akka.http.javadsl.marshalling.sse.EventStreamMarshalling;
import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpHeader;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.RequestEntity;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.Uri;
import akka.http.javadsl.model.headers.ContentDisposition;
import akka.http.javadsl.model.headers.ContentDispositionTypes;
import akka.http.javadsl.model.headers.RawHeader;
import akka.http.javadsl.model.headers.RetryAfter;
import akka.http.javadsl.model.sse.ServerSentEvent;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.server.directives.SecurityDirectives.ProvidedCredentials;
import akka.stream.javadsl.Source;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.http.HttpSettings;
import io.switchboard.adapters.http.WebhookCredentials;
import io.switchboard.adapters.http.problem.Problem;
import io.switchboard.adapters.http.problem.ProblemExceptionHandler;
import io.switchboard.adapters.http.problem.ProblemRejectionHandler;
import io.switchboard.adapters.http.problem.ProblemRenderer;
import io.switchboard.adapters.http.problem.ProblemType;
import io.switchboard.application.port.in.ActivityFilter;
import io.switchboard.application.port.in.HandledEvent;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.control.CallControl;
import io.switchboard.domain.entity.EntityInspection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' API and console, under {@code /admin} on the webhook port, behind credentials of its own:
 * <ul>
 *   <li>{@code GET /admin/}: the console (static HTML, CSS and JavaScript from this jar);</li>
 *   <li>{@code GET /admin/calls} and {@code /admin/conferences}: recent and live ones across the cluster, newest
 *       first, from every node's activity index ({@code status}, {@code number}, {@code tag}, {@code fallback},
 *       {@code since}, {@code until}, {@code id}, {@code offset}, {@code limit});</li>
 *   <li>{@code GET /admin/calls/{callId}}: the call's state and its recent events, each with when it came, the
 *       reply it got and where that reply came from, and, from the index, which node answered it how fast;</li>
 *   <li>{@code GET /admin/conferences/{conferenceId}}: the conference's state (members, history) and events;</li>
 *   <li>{@code GET /admin/cluster}: the members with their status and roles, and the shards and active
 *       entities each one holds;</li>
 *   <li>{@code GET /admin/events}: every event as it is handled, on any node, as Server-Sent Events;</li>
 *   <li>{@code GET /admin/history}: this node's replies, fallbacks and latency percentiles per minute;</li>
 *   <li>{@code POST /admin/calls}: places an outbound call ({@link CallPlacement}).</li>
 * </ul>
 * Everything is JSON but the console and the stream; every error a problem: 401 with a challenge, 400 for a
 * malformed id or parameter, 404 for a call or conference no entity holds, 503 with {@code Retry-After} when the
 * cluster does not answer in time. Every response forbids framing, sniffing and any script or style not served
 * from here.
 */
public final class AdminRoutes {
    private static final Logger log = LoggerFactory.getLogger(AdminRoutes.class);
    public static final String REALM = "switchboard-admin";
    private static final long RETRY_AFTER_SECONDS = 1;
    private static final String CONSOLE = "io/switchboard/adapters/http/console/";
    /** The console's scripts, styles, images and requests come from this origin only; nothing may frame it. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private static final List<HttpHeader> PROTECTIONS = List.of(
            RawHeader.create("Content-Security-Policy", CONTENT_SECURITY_POLICY),
            RawHeader.create("X-Content-Type-Options", "nosniff"),
            RawHeader.create("X-Frame-Options", "DENY"),
            RawHeader.create("Referrer-Policy", "no-referrer"),
            RawHeader.create("Cache-Control", "no-store"));

    private final AdminQueries queries;
    private final Supplier<WebhookCredentials> credentials;
    private final AdminSettings settings;
    private final AdminViews views;
    private final ObjectMapper mapper;
    private final Marshaller<Object, RequestEntity> json;
    private final ProblemRenderer problems;
    private final CallPlacement placement;
    private final CallExport export;

    /**
     * @param credentials the admin credentials now: a live stream ends once those it was opened with no longer
     *                    match them
     */
    public AdminRoutes(
            AdminQueries queries,
            Supplier<WebhookCredentials> credentials,
            AdminSettings settings,
            BxmlWriter bxmlWriter,
            ObjectMapper mapper) {
        this(queries, credentials, settings, CallControl.unavailable(), bxmlWriter, mapper);
    }

    /** With {@code POST /admin/calls} placing calls through {@code callControl}. */
    public AdminRoutes(
            AdminQueries queries,
            Supplier<WebhookCredentials> credentials,
            AdminSettings settings,
            CallControl callControl,
            BxmlWriter bxmlWriter,
            ObjectMapper mapper) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.views = new AdminViews(bxmlWriter);
        this.mapper = AdminViews.jsonMapper(mapper);
        this.json = Jackson.marshaller(this.mapper);
        this.problems = new ProblemRenderer(mapper);
        this.placement = new CallPlacement(callControl, mapper, problems);
        this.export = new CallExport(mapper, bxmlWriter);
    }

    /** {@code /admin/...}, sealed: whatever else falls under it is answered with a problem here. */
    public Route route() {
        return pathPrefix(
                "admin",
                () -> respondWithHeaders(
                        PROTECTIONS,
                        () -> concat(
                                        pathEnd(() -> redirect(Uri.create("/admin/"), StatusCodes.PERMANENT_REDIRECT)),
                                        authenticateBasic(
                                                REALM,
                                                provided -> provided.filter(given ->
                                                        credentials.get().matches(given)),
                                                operator -> concat(
                                                        get(() -> routes(operator)),
                                                        post(() -> path("calls", placement::route)))))
                                .seal(
                                        ProblemRejectionHandler.create(problems),
                                        ProblemExceptionHandler.create(problems, HttpSettings.DEFAULT_RETRY_AFTER))));
    }

    private Route routes(ProvidedCredentials operator) {
        return concat(
                pathSingleSlash(() -> getFromResource(CONSOLE + "index.html")),
                path(
                        PathMatchers.segment("console").slash(PathMatchers.segment()),
                        file -> getFromResource(CONSOLE + file)),
                path("calls", () -> activity(HandledEvent.EntityKind.CALL)),
                path("conferences", () -> activity(HandledEvent.EntityKind.CONFERENCE)),
                path(PathMatchers.segment("calls").slash(PathMatchers.segment()), this::call),
                path(PathMatchers.segment("calls").slash(PathMatchers.segment()).slash("export"), this::export),
                path(PathMatchers.segment("conferences").slash(PathMatchers.segment()), this::conference),
                path("cluster", this::clusterShape),
                path("history", () -> json(views.history(queries.history()))),
                path("events", () -> liveEvents(operator)));
    }

    private Route activity(HandledEvent.EntityKind kind) {
        return parameterMap(query -> {
            ActivityFilter filter;
            try {
                filter = ActivityParameters.filter(kind, query);
            } catch (ActivityParameters.InvalidParameter invalid) {
                return badParameter(invalid.field, invalid.getMessage());
            }
            return answered(queries.activity().recent(filter), this::json);
        });
    }

    /**
     * Every event handled from now on, on any node, as {@code event: handled} with the event as JSON; a heartbeat
     * when quiet. It ends when the viewer falls more than the buffer behind (the browser reconnects) and when the
     * credentials it was opened with no longer match the admin's.
     */
    private Route liveEvents(ProvidedCredentials operator) {
        Source<ServerSentEvent, NotUsed> events = queries.activity()
                .live(settings.liveBuffer())
                .map(event -> ServerSentEvent.create(mapper.writeValueAsString(event), "handled"))
                .keepAlive(settings.liveKeepAlive(), ServerSentEvent::heartbeat)
                .takeWhile(event -> credentials.get().matches(operator));
        return completeOK(events, EventStreamMarshalling.toEventStream());
    }

    private Route call(String rawId) {
        return withId(
                "callId",
                rawId,
                CallId::of,
                id -> inspected(
                        HandledEvent.EntityKind.CALL, rawId, queries.entities().call(id)));
    }

    private Route conference(String rawId) {
        return withId(
                "conferenceId",
                rawId,
                ConferenceId::of,
                id -> inspected(
                        HandledEvent.EntityKind.CONFERENCE,
                        rawId,
                        queries.entities().conference(id)));
    }

    /**
     * The call as a file to play again: {@code format=replay} (the default) for {@code simulate --replay}, or
     * {@code format=flowtest}, a JUnit snippet; {@code mask=true} replaces every phone number.
     */
    private Route export(String rawId) {
        return withId(
                "callId",
                rawId,
                CallId::of,
                id -> parameterMap(query -> {
                    String format = query.getOrDefault("format", "replay");
                    String mask = query.getOrDefault("mask", "false");
                    if (!format.equals("replay") && !format.equals("flowtest")) {
                        return badParameter("format", "format must be replay or flowtest, not '" + format + "'");
                    }
                    if (!mask.equals("true") && !mask.equals("false")) {
                        return badParameter("mask", "mask must be true or false, not '" + mask + "'");
                    }
                    boolean masked = Boolean.parseBoolean(mask);
                    return answered(
                            queries.entities().call(id),
                            found -> found.map(call -> {
                                        String file = rawId.replaceAll("[^A-Za-z0-9._-]", "_");
                                        return format.equals("replay")
                                                ? download(
                                                        ContentTypes.APPLICATION_JSON,
                                                        file + ".replay.json",
                                                        export.replay(rawId, call, masked))
                                                : download(
                                                        ContentTypes.TEXT_PLAIN_UTF8,
                                                        file + "-FlowTest.java",
                                                        export.flowTest(rawId, call, masked)
                                                                .getBytes(StandardCharsets.UTF_8));
                                    })
                                    .orElseGet(() -> notFound(HandledEvent.EntityKind.CALL, rawId)));
                }));
    }

    private Route download(ContentType type, String fileName, byte[] body) {
        return respondWithHeader(
                ContentDisposition.create(ContentDispositionTypes.ATTACHMENT, Map.of("filename", fileName)),
                () -> complete(HttpResponse.create().withEntity(HttpEntities.create(type, body))));
    }

    private Route badParameter(String field, String detail) {
        return complete(problems.render(
                Problem.ofStatus(StatusCodes.BAD_REQUEST, detail).withField(field)));
    }

    /** The events the index holds of one call or conference; none when it does not answer. */
    private CompletionStage<List<HandledEvent>> handled(HandledEvent.EntityKind kind, String id, Executor executor) {
        ActivityFilter byId =
                new ActivityFilter(kind, null, null, null, null, null, null, id, 0, ActivityFilter.MAX_LIMIT);
        return queries.activity()
                .recent(byId)
                .handleAsync(
                        (page, failure) -> failure != null
                                ? List.<HandledEvent>of()
                                : page.items().stream()
                                        .filter(summary -> summary.id().equals(id))
                                        .flatMap(summary -> summary.events().stream())
                                        .toList(),
                        executor);
    }

    /** The id as the domain's value type, or a 400 naming the field when it cannot be one. */
    private <I> Route withId(String field, String raw, Function<String, I> parse, Function<I, Route> inner) {
        I id;
        try {
            id = parse.apply(raw);
        } catch (IllegalArgumentException invalid) {
            return badParameter(field, invalid.getMessage());
        }
        return inner.apply(id);
    }

    private Route inspected(
            HandledEvent.EntityKind kind, String id, CompletionStage<Optional<EntityInspection>> inspection) {
        return extractExecutionContext(executor -> answered(
                inspection.thenCombineAsync(
                        handled(kind, id, executor),
                        (found, events) -> found.map(entity -> views.entity(id, entity, events)),
                        executor),
                found -> found.map(this::json).orElseGet(() -> notFound(kind, id))));
    }

    private Route notFound(HandledEvent.EntityKind kind, String id) {
        return complete(problems.render(Problem.of(
                ProblemType.NOT_FOUND,
                "No " + kind.name().toLowerCase(Locale.ROOT) + " '" + id
                        + "' is held in the cluster: never seen, or ended and passivated")));
    }

    private Route clusterShape() {
        return answered(queries.cluster().clusterShape(), this::json);
    }

    /** onComplete, not thenApply (the JDK's common pool); a query that timed out is a 503 to retry. */
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
