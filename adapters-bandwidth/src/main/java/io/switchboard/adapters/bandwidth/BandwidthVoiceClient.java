package io.switchboard.adapters.bandwidth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.adapters.bandwidth.VoiceApiBodies.CallStateBody;
import io.switchboard.adapters.bandwidth.VoiceApiBodies.CreatedCallBody;
import io.switchboard.adapters.bandwidth.VoiceApiBodies.ErrorBody;
import io.switchboard.adapters.bandwidth.VoiceApiBodies.RecordingBody;
import io.switchboard.adapters.bandwidth.VoiceApiBodies.TranscriptionBody;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.control.CallControl;
import io.switchboard.domain.control.CallControlFailure;
import io.switchboard.domain.control.CallControlFailure.Kind;
import io.switchboard.domain.control.CallInfo;
import io.switchboard.domain.control.CreateCall;
import io.switchboard.domain.control.CreatedCall;
import io.switchboard.domain.control.RecordingInfo;
import io.switchboard.domain.control.RecordingMedia;
import io.switchboard.domain.control.RecordingTranscript;
import io.switchboard.domain.control.ReplaceCallBxml;
import io.switchboard.domain.control.ReplaceConferenceBxml;
import io.switchboard.domain.control.UpdateCall;
import io.switchboard.domain.control.UpdateConference;
import io.switchboard.domain.control.UpdateConferenceMember;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CallControl} over Bandwidth's Voice API v2, with the JDK's HTTP client (pooled connections, non-blocking:
 * every method returns at once). HTTP Basic credentials go in a header built once and never logged.
 *
 * <p>Bandwidth's errors become {@link CallControlFailure}s with its {@code type}, {@code description} and
 * {@code id}. A {@code 429} or {@code 5xx} is tried again after a growing, jittered backoff, or after its
 * {@code Retry-After} when that is longer (up to a limit). A request that never left (connection refused or not
 * made in time) is tried again too. One that was sent but got no answer in time is tried again only when repeating
 * it is harmless (GET, PUT); a POST (a create, a redirect) then fails with {@code OUTCOME_UNKNOWN}: a create sent
 * twice would dial the customer twice, so the caller decides. Creates are paced ({@link CreatePacer}).
 */
public final class BandwidthVoiceClient implements CallControl {

    private static final Logger log = LoggerFactory.getLogger(BandwidthVoiceClient.class);
    private static final String JSON = "application/json";
    private static final String XML = "application/xml";

    private final BandwidthSettings settings;
    private final HttpClient http;
    private final ObjectMapper json;
    private final BxmlWriter bxmlWriter;
    private final CallbackDefaults defaults;
    private final CreatePacer pacer;
    private final VoiceApiTelemetry telemetry;
    private final String authorization;
    private final String account;

    /**
     * @param bxmlWriter renders replaced BXML; with this service's callback URLs, so callbacks come home
     * @param registry   where the adapter's metrics go
     */
    public BandwidthVoiceClient(BandwidthSettings settings, BxmlWriter bxmlWriter, MeterRegistry registry) {
        this.settings = settings;
        // HTTP/1.1 with kept-alive pooled connections: no cleartext upgrade dance against a local API.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = JsonMapper.builder()
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.bxmlWriter = bxmlWriter;
        this.defaults = new CallbackDefaults(settings);
        this.pacer = new CreatePacer(settings.createsPerSecond(), settings.createQueueCapacity(), System::nanoTime);
        this.telemetry = new VoiceApiTelemetry(registry, pacer::waiting);
        this.authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
        this.account = settings.accountUrl().toString();
    }

    @Override
    public CompletionStage<CreatedCall> createCall(CreateCall request) {
        Exchange exchange;
        try {
            exchange = Exchange.post(request.operation(), "/calls", jsonBody(defaults.createCall(request)));
        } catch (IllegalArgumentException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        return pacer.inTurn(
                request.operation(),
                () -> send(exchange, reply -> read(reply, CreatedCallBody.class).toDomain()));
    }

    @Override
    public CompletionStage<Void> updateCall(UpdateCall request) {
        return sendDiscarding(
                Exchange.post(request.operation(), callPath(request.callId()), jsonBody(defaults.updateCall(request))));
    }

    @Override
    public CompletionStage<Void> replaceCallBxml(ReplaceCallBxml request) {
        return sendBxml(request.operation(), callPath(request.callId()) + "/bxml", request.bxml());
    }

    @Override
    public CompletionStage<Void> updateConference(UpdateConference request) {
        return sendDiscarding(Exchange.post(
                request.operation(),
                conferencePath(request.conferenceId()),
                jsonBody(defaults.updateConference(request))));
    }

    @Override
    public CompletionStage<Void> replaceConferenceBxml(ReplaceConferenceBxml request) {
        return sendBxml(request.operation(), conferencePath(request.conferenceId()) + "/bxml", request.bxml());
    }

    @Override
    public CompletionStage<Void> updateConferenceMember(UpdateConferenceMember request) {
        return sendDiscarding(Exchange.put(
                request.operation(),
                conferencePath(request.conferenceId()) + "/members/"
                        + segment(request.member().value()),
                JSON,
                jsonBody(CallbackDefaults.updateMember(request))));
    }

    @Override
    public CompletionStage<CallInfo> getCall(CallId callId) {
        return send(
                Exchange.get("getCallState", callPath(callId)),
                reply -> read(reply, CallStateBody.class).toDomain());
    }

    @Override
    public CompletionStage<List<RecordingInfo>> listCallRecordings(CallId callId) {
        return recordings("listCallRecordings", callPath(callId) + "/recordings");
    }

    @Override
    public CompletionStage<List<RecordingInfo>> listConferenceRecordings(ConferenceId conferenceId) {
        return recordings("listConferenceRecordings", conferencePath(conferenceId) + "/recordings");
    }

    @Override
    public CompletionStage<RecordingMedia> downloadCallRecording(CallId callId, String recordingId) {
        return media("downloadCallRecording", callPath(callId) + "/recordings/" + segment(recordingId) + "/media");
    }

    @Override
    public CompletionStage<RecordingMedia> downloadConferenceRecording(ConferenceId conferenceId, String recordingId) {
        return media(
                "downloadConferenceRecording",
                conferencePath(conferenceId) + "/recordings/" + segment(recordingId) + "/media");
    }

    @Override
    public CompletionStage<RecordingTranscript> getRecordingTranscription(CallId callId, String recordingId) {
        return send(
                Exchange.get(
                        "getRecordingTranscription",
                        callPath(callId) + "/recordings/" + segment(recordingId) + "/transcription"),
                reply -> read(reply, TranscriptionBody.class).toDomain());
    }

    private CompletionStage<List<RecordingInfo>> recordings(String operation, String path) {
        JavaType list = json.getTypeFactory().constructType(new TypeReference<List<RecordingBody>>() {});
        return send(Exchange.get(operation, path), reply -> {
            List<RecordingBody> bodies = read(reply, list);
            return bodies.stream().map(RecordingBody::toDomain).toList();
        });
    }

    private CompletionStage<RecordingMedia> media(String operation, String path) {
        return send(Exchange.get(operation, path), reply -> {
            if (reply.body() == null || reply.body().length > settings.maxMediaBytes()) {
                throw CallControlFailure.withoutAnswer(
                        Kind.UNEXPECTED_STATUS,
                        operation,
                        "the recording is larger than max-media-size (" + settings.maxMediaBytes() + " bytes)");
            }
            return new RecordingMedia(
                    reply.body(), reply.headers().firstValue("Content-Type").orElse("application/octet-stream"));
        });
    }

    private CompletionStage<Void> sendBxml(String operation, String path, io.switchboard.domain.verb.Response bxml) {
        String document;
        try {
            document = bxmlWriter.writeBxml(bxml);
        } catch (RuntimeException unrenderable) {
            return CompletableFuture.failedFuture(unrenderable);
        }
        return sendDiscarding(Exchange.put(operation, path, XML, BodyPublishers.ofString(document)));
    }

    private CompletionStage<Void> sendDiscarding(Exchange exchange) {
        return send(exchange, reply -> null);
    }

    /** What one request is: how to build it, and whether repeating it after an unanswered try is harmless. */
    private record Exchange(
            String operation, String method, String path, String contentType, BodyPublisher body, boolean repeatable) {
        static Exchange get(String operation, String path) {
            return new Exchange(operation, "GET", path, null, BodyPublishers.noBody(), true);
        }

        static Exchange post(String operation, String path, BodyPublisher body) {
            return new Exchange(operation, "POST", path, JSON, body, false);
        }

        static Exchange put(String operation, String path, String contentType, BodyPublisher body) {
            return new Exchange(operation, "PUT", path, contentType, body, true);
        }
    }

    /** The end of one try: a value, a failure to report, or a failure worth another try after {@code delay}. */
    private record Attempt<T>(T value, CallControlFailure failure, Duration retryAfter, String retryReason) {}

    private <T> CompletionStage<T> send(Exchange exchange, Function<HttpResponse<byte[]>, T> onSuccess) {
        return attempt(exchange, onSuccess, 1)
                .whenCompleteAsync(
                        (value, failure) -> telemetry.outcome(
                                exchange.operation(),
                                failure == null
                                        ? "ok"
                                        : unwrap(failure) instanceof CallControlFailure known
                                                ? known.kind().name().toLowerCase(java.util.Locale.ROOT)
                                                : "error"),
                        Runnable::run);
    }

    private <T> CompletionStage<T> attempt(Exchange exchange, Function<HttpResponse<byte[]>, T> onSuccess, int number) {
        long started = System.nanoTime();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(account + exchange.path()))
                .timeout(settings.requestTimeout())
                .header("Authorization", authorization)
                .header("Accept", JSON)
                .method(exchange.method(), exchange.body());
        if (exchange.contentType() != null) {
            request.header("Content-Type", exchange.contentType());
        }
        log.debug("{} {} (try {})", exchange.method(), exchange.path(), number);
        return http.sendAsync(request.build(), this::boundedBody)
                .<Attempt<T>>handleAsync(
                        (reply, failure) -> {
                            Duration took = Duration.ofNanos(System.nanoTime() - started);
                            return failure == null
                                    ? answered(exchange, reply, onSuccess, took)
                                    : unanswered(exchange, unwrap(failure), took);
                        },
                        Runnable::run)
                .thenComposeAsync(outcome -> next(exchange, onSuccess, number, outcome), Runnable::run);
    }

    private <T> CompletionStage<T> next(
            Exchange exchange, Function<HttpResponse<byte[]>, T> onSuccess, int number, Attempt<T> outcome) {
        if (outcome.failure() == null) {
            return CompletableFuture.completedFuture(outcome.value());
        }
        if (outcome.retryReason() == null || number >= settings.retry().maxAttempts()) {
            return CompletableFuture.failedFuture(outcome.failure());
        }
        Duration wait = backoff(number).compareTo(outcome.retryAfter()) >= 0 ? backoff(number) : outcome.retryAfter();
        if (wait.compareTo(settings.retry().maxRetryAfter()) > 0) {
            log.warn(
                    "{} failed; Bandwidth asks to wait {}, longer than allowed: giving up", exchange.operation(), wait);
            return CompletableFuture.failedFuture(outcome.failure());
        }
        log.warn(
                "{} {} failed ({}); trying again in {} ms",
                exchange.method(),
                exchange.path(),
                outcome.retryReason(),
                wait.toMillis());
        telemetry.retry(exchange.operation(), outcome.retryReason());
        return CompletableFuture.supplyAsync(
                        () -> null, CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS))
                .thenComposeAsync(waited -> attempt(exchange, onSuccess, number + 1), Runnable::run);
    }

    private <T> Attempt<T> answered(
            Exchange exchange, HttpResponse<byte[]> reply, Function<HttpResponse<byte[]>, T> onSuccess, Duration took) {
        int status = reply.statusCode();
        telemetry.attempt(exchange.operation(), Integer.toString(status), took);
        if (status >= 200 && status < 300) {
            try {
                return new Attempt<>(onSuccess.apply(reply), null, null, null);
            } catch (CallControlFailure unusable) {
                return new Attempt<>(null, unusable, null, null);
            }
        }
        ErrorBody error = errorBody(reply.body());
        CallControlFailure failure = new CallControlFailure(
                kindOf(status), exchange.operation(), status, error.type(), error.description(), error.id());
        boolean retryable = status == 429 || status >= 500;
        return new Attempt<>(
                null, failure, retryAfter(reply).orElse(Duration.ZERO), retryable ? Integer.toString(status) : null);
    }

    private <T> Attempt<T> unanswered(Exchange exchange, Throwable failure, Duration took) {
        boolean neverSent = failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException;
        telemetry.attempt(exchange.operation(), neverSent ? "unreachable" : "timeout", took);
        if (neverSent) {
            return new Attempt<>(
                    null,
                    CallControlFailure.withoutAnswer(
                            Kind.UNREACHABLE, exchange.operation(), "could not connect: " + failure),
                    Duration.ZERO,
                    "unreachable");
        }
        String what = failure instanceof HttpTimeoutException
                ? "no answer within " + settings.requestTimeout()
                : "the connection failed after sending: " + failure;
        return new Attempt<>(
                null,
                CallControlFailure.withoutAnswer(Kind.OUTCOME_UNKNOWN, exchange.operation(), what),
                Duration.ZERO,
                exchange.repeatable() ? "timeout" : null);
    }

    /** Exponential from the first backoff, capped, with jitter (a half to the whole) so retries spread out. */
    private Duration backoff(int failedTries) {
        long first = settings.retry().firstBackoff().toNanos();
        long capped = Math.min(settings.retry().maxBackoff().toNanos(), first << Math.min(failedTries - 1, 20));
        return Duration.ofNanos(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    /** {@code Retry-After} in seconds or as an HTTP date; none when absent or unreadable. */
    static Optional<Duration> retryAfter(HttpResponse<?> reply) {
        return reply.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Duration until = Duration.between(
                            ZonedDateTime.now(),
                            ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                    return Optional.of(until.isNegative() ? Duration.ZERO : until);
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        });
    }

    private static Kind kindOf(int status) {
        return switch (status) {
            case 400 -> Kind.INVALID_REQUEST;
            case 401 -> Kind.UNAUTHORIZED;
            case 403 -> Kind.FORBIDDEN;
            case 404 -> Kind.NOT_FOUND;
            case 409 -> Kind.CONFLICT;
            case 429 -> Kind.RATE_LIMITED;
            default -> status >= 500 ? Kind.SERVER_ERROR : Kind.UNEXPECTED_STATUS;
        };
    }

    /** A body that declares itself larger than a recording may be is not read. */
    private HttpResponse.BodySubscriber<byte[]> boundedBody(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return declared > settings.maxMediaBytes() ? BodySubscribers.replacing(null) : BodySubscribers.ofByteArray();
    }

    private ErrorBody errorBody(byte[] body) {
        try {
            ErrorBody error = body == null || body.length == 0 ? null : json.readValue(body, ErrorBody.class);
            return error != null ? error : new ErrorBody(null, null, null);
        } catch (IOException notJson) {
            String text = new String(body, StandardCharsets.UTF_8);
            return new ErrorBody(null, text.length() > 200 ? text.substring(0, 200) : text, null);
        }
    }

    private <T> T read(HttpResponse<byte[]> reply, Class<T> type) {
        return read(reply, json.getTypeFactory().constructType(type));
    }

    private <T> T read(HttpResponse<byte[]> reply, JavaType type) {
        try {
            return json.readValue(reply.body(), type);
        } catch (IOException | RuntimeException unreadable) {
            throw CallControlFailure.withoutAnswer(
                    Kind.UNEXPECTED_STATUS,
                    reply.request().method() + " " + reply.uri().getPath(),
                    "Bandwidth's answer could not be read: " + unreadable.getMessage());
        }
    }

    private BodyPublisher jsonBody(Object body) {
        try {
            return BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("could not write a request body", impossible);
        }
    }

    private static String callPath(CallId callId) {
        return "/calls/" + segment(callId.value());
    }

    private static String conferencePath(ConferenceId conferenceId) {
        return "/conferences/" + segment(conferenceId.value());
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
