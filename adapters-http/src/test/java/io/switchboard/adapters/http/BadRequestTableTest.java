package io.switchboard.adapters.http;

import static io.switchboard.adapters.http.Payloads.callEvent;
import static io.switchboard.adapters.http.Payloads.contractPayload;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.headers.Authorization;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.adapters.http.json.PayloadLimits;
import io.switchboard.adapters.http.json.VoiceChannel;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table per class of bad request: each row is a request the edge must refuse, the status, problem type and
 * field it must answer with, and a header it must carry where the status calls for one. Nothing refused reaches
 * the use case, and a valid request right after is still answered.
 */
class BadRequestTableTest {
    private static final ActorTestKit testKit = ActorTestKit.create();
    private static final String INVALID = "urn:switchboard:problem:invalid-payload";
    private static final String ANYWHERE = "*";
    private static final String HIGH = "<high surrogate>";
    private static final String LOW = "<low surrogate>";
    private static final HttpSettings SETTINGS = HttpSettings.of("127.0.0.1", 0)
            .withPayloadLimits(PayloadLimits.DEFAULTS.withMaxIdLength(64))
            .withCredentials(new WebhookCredentials("bandwidth", "s3cret-Pa55"));

    private final FakeVoiceEventHandler useCase = new FakeVoiceEventHandler();

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    /**
     * @param field  the problem's {@code field}, null when it names none, {@link #ANYWHERE} where the parser names
     *               the place it stopped
     * @param header a header the response must carry, as {@code Name: value-prefix}, or null
     */
    record Row(String name, HttpRequest request, int status, String type, String field, String header) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static HttpRequest authorized(HttpRequest request) {
        return request.addHeader(Authorization.basic("bandwidth", "s3cret-Pa55"));
    }

    private static Row invalid(String name, String path, String body, String field) {
        return new Row(name, authorized(Exchange.post(path, body)), 400, INVALID, field, null);
    }

    private static Row invalid(String name, ObjectNode payload, String field) {
        return invalid(
                name,
                "/voice/"
                        + VoiceChannel.forEventType(payload.path("eventType").asText())
                                .map(VoiceChannel::path)
                                .orElse("answer"),
                Payloads.json(payload),
                field);
    }

    private static ObjectNode without(ObjectNode payload, String field) {
        payload.remove(field);
        return payload;
    }

    static Stream<Row> malformedJson() {
        return named("malformed JSON", malformedJsonRows());
    }

    static Stream<Row> wrongValues() {
        return named("wrong value", wrongValueRows());
    }

    static Stream<Row> missingOrOversizedIdentity() {
        return named("identity", identityRows());
    }

    static Stream<Row> protocol() {
        return named("protocol", protocolRows());
    }

    static Stream<Row> unstorableText() {
        return named("unstorable text", unstorableTextRows());
    }

    private static Stream<Row> named(String table, Stream<Row> rows) {
        return rows.map(row ->
                new Row(table + ": " + row.name(), row.request(), row.status(), row.type(), row.field(), row.header()));
    }

    private static Stream<Row> malformedJsonRows() {
        String answer = Payloads.json(contractPayload(VoiceChannel.ANSWER));
        return Stream.of(
                invalid("truncated", "/voice/answer", answer.substring(0, answer.length() / 2), ANYWHERE),
                invalid("not an object", "/voice/answer", "[1, 2, 3]", null),
                invalid("empty", "/voice/answer", "", null),
                invalid("trailing document", "/voice", answer + " {}", null),
                invalid(
                        "duplicate key", "/voice/answer",
                        "{\"eventType\":\"answer\",\"callId\":\"c-1\",\"callId\":\"c-2\"}", "callId"),
                invalid(
                        "nested too deep",
                        "/voice",
                        "{\"eventType\":\"answer\",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}",
                        null),
                invalid("number too long", "/voice", "{\"eventType\":\"answer\",\"x\":" + "9".repeat(200) + "}", null),
                invalid(
                        "string too long",
                        "/voice",
                        "{\"eventType\":\"answer\",\"x\":\"" + "x".repeat(20_000) + "\"}",
                        null),
                invalid(
                        "field name too long",
                        "/voice",
                        "{\"eventType\":\"answer\",\"" + "k".repeat(300) + "\":1}",
                        null),
                invalid("bad escape", "/voice", "{\"eventType\":\"ans\\qwer\"}", "eventType"),
                invalid(
                        "raw control character in a string", "/voice",
                        "{\"eventType\":\"answer\",\"tag\":\"\u0000\"}", "tag"),
                new Row(
                        "invalid UTF-8",
                        authorized(HttpRequest.POST("/voice").withEntity(ContentTypes.APPLICATION_JSON, new byte[] {
                            '{', '"', 't', 'a', 'g', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
                        })),
                        400,
                        INVALID,
                        ANYWHERE,
                        null));
    }

    private static Stream<Row> wrongValueRows() {
        return Stream.of(
                invalid(
                        "direction outside its enumeration",
                        contractPayload(VoiceChannel.ANSWER).put("direction", "up"),
                        "direction"),
                invalid(
                        "start time not a timestamp",
                        contractPayload(VoiceChannel.ANSWER).put("startTime", "noon"),
                        "startTime"),
                invalid(
                        "start time as epoch seconds",
                        contractPayload(VoiceChannel.ANSWER).put("startTime", 1561045.0),
                        "startTime"),
                invalid(
                        "answer time zone-less",
                        contractPayload(VoiceChannel.ANSWER).put("answerTime", "2019-06-20T15:54:25"),
                        "answerTime"),
                invalid(
                        "channels not 1 or 2",
                        contractPayload(VoiceChannel.RECORDING_COMPLETE).put("channels", 3),
                        "channels"),
                invalid(
                        "channels fractional",
                        contractPayload(VoiceChannel.RECORDING_COMPLETE).put("channels", 1.5),
                        "channels"),
                invalid(
                        "file format outside its enumeration",
                        contractPayload(VoiceChannel.RECORDING_COMPLETE).put("fileFormat", "ogg"),
                        "fileFormat"),
                invalid(
                        "recording status outside its enumeration",
                        contractPayload(VoiceChannel.RECORDING_COMPLETE).put("status", "lost"),
                        "status"),
                invalid(
                        "duration not ISO-8601",
                        contractPayload(VoiceChannel.RECORDING_COMPLETE).put("duration", "20s"),
                        "duration"),
                invalid(
                        "blank disconnect cause",
                        contractPayload(VoiceChannel.DISCONNECT).put("cause", " "),
                        "cause"),
                invalid("tag as a number", contractPayload(VoiceChannel.ANSWER).put("tag", 42), "tag"),
                invalid(
                        "digits as an object",
                        contractPayload(VoiceChannel.GATHER)
                                .set(
                                        "digits",
                                        Payloads.MAPPER.createObjectNode().put("first", "1")),
                        "digits"),
                invalid(
                        "event type of another channel",
                        "/voice/gather",
                        Payloads.json(contractPayload(VoiceChannel.ANSWER)),
                        "eventType"),
                invalid("event type as a number", "/voice", "{\"eventType\": 7, \"callId\": \"c-1\"}", "eventType"),
                invalid("event type too long", "/voice", Payloads.json(callEvent("x".repeat(65))), "eventType"));
    }

    private static Stream<Row> identityRows() {
        return Stream.of(
                invalid("no eventType", without(contractPayload(VoiceChannel.ANSWER), "eventType"), "eventType"),
                invalid("no callId", without(contractPayload(VoiceChannel.ANSWER), "callId"), "callId"),
                invalid("blank callId", contractPayload(VoiceChannel.ANSWER).put("callId", " "), "callId"),
                invalid(
                        "callId over the configured length",
                        contractPayload(VoiceChannel.ANSWER).put("callId", "c-" + "0".repeat(70)),
                        "callId"),
                invalid(
                        "callId with a control character",
                        contractPayload(VoiceChannel.ANSWER).put("callId", "c-1\nInjected: log line"),
                        "callId"),
                invalid(
                        "parentCallId over the configured length",
                        contractPayload(VoiceChannel.TRANSFER_ANSWER).put("transferCallId", "c-" + "0".repeat(70)),
                        "transferCallId"),
                invalid(
                        "no conferenceId",
                        without(contractPayload(VoiceChannel.CONFERENCE_CREATED), "conferenceId"),
                        "conferenceId"),
                invalid(
                        "member event without its callId",
                        without(contractPayload(VoiceChannel.CONFERENCE_MEMBER_JOIN), "callId"),
                        "callId"),
                invalid(
                        "live event without its callId",
                        without(Payloads.payloadOf(VoiceChannel.DTMF), "callId"),
                        "callId"),
                invalid(
                        "recordingId over the configured length",
                        contractPayload(VoiceChannel.RECORDING_COMPLETE).put("recordingId", "r-" + "0".repeat(70)),
                        "recordingId"),
                new Row(
                        "GET without eventType",
                        authorized(HttpRequest.GET("/voice/answer?callId=c-1")),
                        400,
                        INVALID,
                        "eventType",
                        null),
                new Row(
                        "GET with eventType twice",
                        authorized(HttpRequest.GET("/voice?eventType=answer&eventType=gather&callId=c-1")),
                        400,
                        INVALID,
                        "eventType",
                        null),
                new Row(
                        "GET with a field both a value and an object",
                        authorized(HttpRequest.GET("/voice?eventType=dtmf&callId=c-1&digit=1&digit.x=2")),
                        400,
                        INVALID,
                        "digit.x",
                        null),
                new Row(
                        "GET with an empty name segment",
                        authorized(HttpRequest.GET("/voice?eventType=dtmf&callId=c-1&a..b=2")),
                        400,
                        INVALID,
                        "a..b",
                        null));
    }

    /** Text the journal's serializer or sharding would refuse after the webhook was accepted. */
    private static Stream<Row> unstorableTextRows() {
        ObjectNode transcription = Payloads.payloadOf(VoiceChannel.TRANSCRIPTION_AVAILABLE);
        transcription.withObject("/transcription").put("id", "t-" + LOW);
        return Stream.of(
                escaped(
                        "lone high surrogate in a contract field",
                        contractPayload(VoiceChannel.ANSWER).put("from", "+1555" + HIGH),
                        "from"),
                escaped(
                        "lone low surrogate in a field beyond the contract",
                        contractPayload(VoiceChannel.ANSWER).put("enqueuedTime", LOW),
                        "enqueuedTime"),
                escaped(
                        "surrogates in the wrong order",
                        contractPayload(VoiceChannel.ANSWER).put("tag", LOW + HIGH),
                        "tag"),
                escaped("lone surrogate in a nested field", transcription, "transcription.id"),
                escaped(
                        "lone surrogate in a field nobody knows",
                        contractPayload(VoiceChannel.ANSWER).put("x-custom", "a" + HIGH + "b"),
                        "x-custom"),
                escaped(
                        "lone surrogate in a list",
                        contractPayload(VoiceChannel.ANSWER)
                                .set(
                                        "tags",
                                        Payloads.MAPPER
                                                .createArrayNode()
                                                .add("ok")
                                                .add(HIGH)),
                        "tags[1]"),
                escaped(
                        "lone surrogate in a field name",
                        contractPayload(VoiceChannel.ANSWER).put("x" + HIGH, "1"),
                        ANYWHERE),
                escaped(
                        "lone surrogate in an unknown event type's field",
                        callEvent("callFuture").put("note", LOW),
                        "note"),
                new Row(
                        "surrogate encoded as UTF-8 bytes",
                        authorized(
                                HttpRequest.POST("/voice/answer").withEntity(ContentTypes.APPLICATION_JSON, new byte[] {
                                    '{',
                                    '"',
                                    't',
                                    'a',
                                    'g',
                                    '"',
                                    ':',
                                    '"',
                                    (byte) 0xED,
                                    (byte) 0xA0,
                                    (byte) 0x80,
                                    '"',
                                    '}'
                                })),
                        400,
                        INVALID,
                        ANYWHERE,
                        null),
                invalid(
                        "sharding's separator in a callId",
                        contractPayload(VoiceChannel.ANSWER).put("callId", "c-1|x"),
                        "callId"),
                invalid(
                        "sharding's separator in a conferenceId",
                        contractPayload(VoiceChannel.CONFERENCE_CREATED).put("conferenceId", "conf|1"),
                        "conferenceId"),
                invalid(
                        "sharding's separator in an unknown event's callId",
                        "/voice",
                        Payloads.json(callEvent("callFuture").put("callId", "c|1")),
                        "callId"),
                new Row(
                        "sharding's separator in a GET's callId",
                        authorized(HttpRequest.GET("/voice/answer?eventType=answer&callId=c%7C1")),
                        400,
                        INVALID,
                        "callId",
                        null));
    }

    /**
     * {@code payload} posted to its channel with {@link #HIGH} and {@link #LOW} written as the JSON escapes of a
     * lone surrogate: a Java string cannot carry one into UTF-8 bytes.
     */
    private static Row escaped(String name, ObjectNode payload, String field) {
        String eventType = payload.path("eventType").asText();
        String path = "/voice"
                + VoiceChannel.forEventType(eventType)
                        .map(channel -> "/" + channel.path())
                        .orElse("");
        String body = Payloads.json(payload).replace(HIGH, "\\ud800").replace(LOW, "\\udc00");
        return invalid(name, path, body, field);
    }

    private static Stream<Row> protocolRows() {
        String answer = Payloads.json(contractPayload(VoiceChannel.ANSWER));
        return Stream.of(
                new Row(
                        "text/plain body",
                        authorized(HttpRequest.POST("/voice/answer").withEntity(ContentTypes.TEXT_PLAIN_UTF8, answer)),
                        415,
                        "urn:switchboard:problem:unsupported-media-type",
                        null,
                        null),
                new Row(
                        "form body",
                        authorized(HttpRequest.POST("/voice")
                                .withEntity(ContentTypes.APPLICATION_X_WWW_FORM_URLENCODED, "eventType=answer")),
                        415,
                        "urn:switchboard:problem:unsupported-media-type",
                        null,
                        null),
                new Row(
                        "body over 64 KiB",
                        authorized(Exchange.post(
                                "/voice/answer",
                                Payloads.json(
                                        contractPayload(VoiceChannel.ANSWER).put("pad", "x".repeat(70_000))))),
                        413,
                        "urn:switchboard:problem:payload-too-large",
                        null,
                        null),
                new Row(
                        "PUT on a channel",
                        authorized(HttpRequest.PUT("/voice/answer")),
                        405,
                        "urn:switchboard:problem:method-not-allowed",
                        null,
                        "Allow: "),
                new Row(
                        "DELETE on the shared URL",
                        authorized(HttpRequest.DELETE("/voice")),
                        405,
                        "urn:switchboard:problem:method-not-allowed",
                        null,
                        "Allow: "),
                new Row(
                        "POST on health",
                        HttpRequest.POST("/health/live"),
                        405,
                        "urn:switchboard:problem:method-not-allowed",
                        null,
                        "Allow: GET"),
                new Row(
                        "unknown channel",
                        authorized(Exchange.post("/voice/callAnswered", answer)),
                        404,
                        "urn:switchboard:problem:unknown-channel",
                        null,
                        null),
                new Row(
                        "path below a channel",
                        authorized(Exchange.post("/voice/answer/extra", answer)),
                        404,
                        "urn:switchboard:problem:not-found",
                        null,
                        null),
                new Row(
                        "no credentials",
                        Exchange.post("/voice/answer", answer),
                        401,
                        "urn:switchboard:problem:unauthorized",
                        null,
                        "WWW-Authenticate: Basic realm=\"switchboard\""),
                new Row(
                        "wrong password",
                        Exchange.post("/voice/answer", answer).addHeader(Authorization.basic("bandwidth", "guess")),
                        401,
                        "urn:switchboard:problem:unauthorized",
                        null,
                        "WWW-Authenticate: Basic"),
                new Row(
                        "GET without credentials",
                        HttpRequest.GET("/voice/answer?eventType=answer&callId=c-1"),
                        401,
                        "urn:switchboard:problem:unauthorized",
                        null,
                        "WWW-Authenticate: Basic"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"malformedJson", "wrongValues", "missingOrOversizedIdentity", "protocol", "unstorableText"})
    void badRequestGetsItsStatusAndAProblemNamingTheFault(Row row) throws Exception {
        VoiceWebhookRoutes routes =
                new VoiceWebhookRoutes(useCase, () -> true, VoiceWebhookRoutesTest.FALLBACK, SETTINGS);
        Exchange exchange = Exchange.send(testKit.system(), routes.route(), row.request());

        JsonNode problem = exchange.problem();
        assertAll(
                () -> assertEquals(row.status(), exchange.status(), exchange.body()),
                () -> assertTrue(
                        row.type() == null
                                || row.type().equals(problem.path("type").asText()),
                        exchange.body()),
                () -> assertTrue(
                        ANYWHERE.equals(row.field())
                                || java.util.Objects.equals(
                                        row.field(),
                                        problem.hasNonNull("field")
                                                ? problem.get("field").asText()
                                                : null),
                        exchange.body()),
                () -> assertTrue(problem.path("detail").isTextual(), exchange.body()),
                () -> assertTrue(
                        row.header() == null
                                || (exchange.header(row.header().split(": ")[0]) != null
                                        && exchange.header(row.header().split(": ")[0])
                                                .startsWith(row.header().split(": ", 2)[1])),
                        () -> row.header() + " in " + exchange.response().getHeaders()),
                () -> assertTrue(useCase.received().isEmpty(), "nothing refused reaches the use case"),
                () -> assertTrue(!exchange.body().contains("s3cret"), "no credential in a problem"));

        Exchange valid = Exchange.send(
                testKit.system(),
                routes.route(),
                authorized(Exchange.post("/voice/answer", Payloads.json(contractPayload(VoiceChannel.ANSWER)))));
        assertEquals(200, valid.status(), valid.body());
    }
}
