package io.switchboard.domain.verb;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every limit of Bandwidth's public BXML reference as a table: for each verb and attribute, the
 * values at the edge that must be accepted and the values just past it that must be refused with a message
 * naming the verb, the attribute, the value given and what is allowed.
 */
class VerbLimitsTest {

    private static final String PHONE = "+15555550100";
    private static final double INFINITY = Double.POSITIVE_INFINITY;

    /** One documented limit: how to build a verb with a value, and the values on both sides of the limit. */
    private static final class Limit<T> {
        private final String verb;
        private final String attribute;
        private final String allowed;
        private final Function<T, ?> build;
        private final List<Arguments> accepted = new ArrayList<>();
        private final List<Arguments> refused = new ArrayList<>();

        private Limit(String verb, String attribute, String allowed, Function<T, ?> build) {
            this.verb = verb;
            this.attribute = attribute;
            this.allowed = allowed;
            this.build = build;
        }

        @SafeVarargs
        final Limit<T> accepts(T... values) {
            for (T value : values) {
                accepted.add(arguments(label(value), (Supplier<?>) () -> build.apply(value)));
            }
            return this;
        }

        @SafeVarargs
        final Limit<T> refuses(T... values) {
            for (T value : values) {
                refusesShowing(value, shown(value));
            }
            return this;
        }

        /** Refuses {@code value}, which the message shows as {@code shownValue}. */
        Limit<T> refusesShowing(T value, String shownValue) {
            refused.add(arguments(
                    label(value), (Supplier<?>) () -> build.apply(value), verb, attribute, shownValue, allowed));
            return this;
        }

        private String label(T value) {
            String spelled = value instanceof String text && text.length() > 20
                    ? text.length() + " characters"
                    : String.valueOf(value);
            return verb + " " + attribute + " = " + spelled;
        }
    }

    /** How a refused value appears in the message: text quoted (shortened past 60 characters), numbers plain. */
    private static String shown(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text.length() <= 60
                    ? "'" + text + "'"
                    : "'" + text.substring(0, 60) + "... (" + text.length() + " characters)'";
        }
        if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
            return Long.toString(number.longValue());
        }
        return String.valueOf(value);
    }

    private static <T> Limit<T> limit(String verb, String attribute, String allowed, Function<T, ?> build) {
        Limit<T> limit = new Limit<>(verb, attribute, allowed, build);
        LIMITS.add(limit);
        return limit;
    }

    private static final List<Limit<?>> LIMITS = new ArrayList<>();

    private static String chars(int count) {
        return "x".repeat(count);
    }

    private static List<TransferTarget> numbers(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> (TransferTarget) PhoneNumber.of("+1555555010" + i))
                .toList();
    }

    private static List<Prompt> prompts(int count) {
        return Collections.nCopies(count, SpeakSentence.of("Press 1"));
    }

    private static Gather gather(int repeatCount, int prompts) {
        return new Gather(null, null, null, null, null, null, null, repeatCount, prompts(prompts));
    }

    // --- limits that only some verbs have ----------------------------------------------------------------------

    static {
        limit("Bridge", "target call id", "is required", Bridge::of)
                .accepts("c-1")
                .refuses("", " ", null);

        limit("Conference", "name", "is required", Conference::of).refuses("", null);
        limit("Conference", "name", "1 to 100 characters of [A-Za-z0-9-_.]", Conference::of)
                .accepts("x", chars(100), "Sales_Room-2.b")
                .refuses(chars(101), "sales room", "ü-room", "a/b");
        limit(
                        "Conference",
                        "callIdsToCoach",
                        "each non-empty without commas or whitespace",
                        (String id) ->
                                Conference.builder("room").coach("c-1", id).build())
                .accepts("c-2")
                .refuses("c-2,c-3", "", " ", "c 2");
        limit(
                        "Conference",
                        "callIdsToCoach",
                        "must not hold a null element",
                        (List<String> ids) -> new Conference("room", null, null, ids, null, null, null, null))
                .refusesShowing(Arrays.asList("c-1", null), null);
        limit(
                        "Conference",
                        "callbackTimeout",
                        "between 1 and 25 seconds",
                        (Double seconds) -> Conference.builder("room")
                                .callbackTimeout(seconds)
                                .build())
                .accepts(1.0, 25.0)
                .refuses(0.99, 25.01, Double.NaN, INFINITY, -INFINITY);

        limit("Forward", "to", "is required", (String to) -> Forward.of(to)).refuses(null, " ");
        limit("Forward", "to", "E.164 number such as +15555550100 or a sip: URI", (String to) -> Forward.of(to))
                .accepts(PHONE, "+" + "1".repeat(15), "sip:agent@pbx.example.com")
                .refuses("5555550100", "+0123456", "+" + "1".repeat(16), "tel:+15555550100", "sip:");
        limit(
                        "Forward",
                        "from",
                        "E.164 number such as +15555550100 or one of Restricted, Anonymous, Private, " + "Unavailable",
                        (String from) -> Forward.builder(PHONE).from(from).build())
                .accepts(PHONE, "Restricted", "Anonymous", "Private", "Unavailable")
                .refuses("anonymous", "5550100", "");
        limit(
                        "Forward",
                        "callTimeout",
                        "between 1 and 300 seconds",
                        (Double seconds) ->
                                Forward.builder(PHONE).callTimeout(seconds).build())
                .accepts(1.0, 300.0)
                .refuses(0.9, 300.5, Double.NaN, INFINITY);

        limit(
                        "Gather",
                        "maxDigits",
                        "between 1 and 50",
                        (Integer digits) -> Gather.builder().maxDigits(digits).build())
                .accepts(1, 50)
                .refuses(0, 51);
        limit(
                        "Gather",
                        "interDigitTimeout",
                        "between 1 and 60 seconds",
                        (Double seconds) ->
                                Gather.builder().interDigitTimeout(seconds).build())
                .accepts(1.0, 60.0)
                .refuses(0.99, 60.5, Double.NaN, INFINITY);
        limit(
                        "Gather",
                        "firstDigitTimeout",
                        "between 0 and 60 seconds",
                        (Double seconds) ->
                                Gather.builder().firstDigitTimeout(seconds).build())
                .accepts(0.0, 60.0)
                .refuses(-0.1, 60.01, Double.NaN, -INFINITY);
        limit(
                        "Gather",
                        "repeatCount",
                        "at least 1",
                        (Integer count) -> Gather.builder().repeatCount(count).build())
                .accepts(1, 1000)
                .refuses(0, -1);
        limit("Gather", "repeatCount", "× nested verbs must be at most 20", (Integer prompts) -> gather(4, prompts))
                .accepts(0, 5)
                .refusesShowing(6, "4 (× 6 nested verbs = 24)");
        limit("Gather", "repeatCount", "× nested verbs must be at most 20", (Integer count) -> gather(count, 1))
                .accepts(20)
                .refusesShowing(21, "21 (× 1 nested verbs = 21)");
        limit(
                        "Gather",
                        "nested verbs",
                        "must not hold a null element",
                        (List<Prompt> nested) -> new Gather(null, null, null, null, null, null, null, null, nested))
                .refusesShowing(Arrays.asList(SpeakSentence.of("Hi"), null), null);
        limit(
                        "Gather",
                        "terminatingDigits",
                        "made of the digits 0-9, * and #",
                        (String digits) ->
                                Gather.builder().terminatingDigits(digits).build())
                .accepts("", "#", "0123456789*#")
                .refuses("a", "w", "1 2");

        limit(
                        "Pause",
                        "duration",
                        "between 0.1 and 86400 seconds",
                        (Double d) -> Pause.builder().duration(d).build())
                .accepts(0.1, 86_400.0)
                .refuses(0.09, 86_400.5, 0.0, Double.NaN, INFINITY);
        limit(
                        "Ring",
                        "duration",
                        "between 0.1 and 86400 seconds",
                        (Double d) -> Ring.builder().duration(d).build())
                .accepts(0.1, 86_400.0)
                .refuses(0.09, 86_400.5, Double.NaN, -INFINITY);

        limit("PlayAudio", "url", "is required", PlayAudio::of).refuses(null, "", " ");
        limit("PlayAudio", "url", "a URL without whitespace", PlayAudio::of)
                .accepts("/hold.wav", "https://media.example/a.mp3")
                .refuses("https://media.example/a b.wav");

        limit(
                        "Record",
                        "maxDuration",
                        "between 1 and 10800 seconds",
                        (Integer seconds) ->
                                Record.builder().maxDuration(seconds).build())
                .accepts(1, 10_800)
                .refuses(0, 10_801);
        limit(
                        "Record",
                        "silenceTimeout",
                        "between 0 and 10800 seconds",
                        (Integer seconds) ->
                                Record.builder().silenceTimeout(seconds).build())
                .accepts(0, 10_800)
                .refuses(-1, 10_801);
        limit(
                        "Record",
                        "terminatingDigits",
                        "made of the digits 0-9, * and #",
                        (String digits) ->
                                Record.builder().terminatingDigits(digits).build())
                .accepts("#", "*0")
                .refuses("x");

        limit("Refer", "SipUri", "is required", Refer::of).refuses(null, "");
        limit("Refer", "SipUri", "a sip: URI", Refer::of)
                .accepts("sip:agent@pbx.example.com")
                .refuses("tel:+15555550100", "sip:", "sip:a b");

        limit("SendDtmf", "digits", "is required", SendDtmf::of).refuses(null, "");
        limit("SendDtmf", "digits", "1 to 50 of 0-9 * # a-d A-D, w or , (half a second) and W (a second)", SendDtmf::of)
                .accepts("1", "0123456789*#abcdABCDwW,", "9".repeat(50))
                .refuses("9".repeat(51), "e", "1 2", "x");
        limit(
                        "SendDtmf",
                        "toneDuration",
                        "between 50 and 5000 milliseconds",
                        (Double ms) -> SendDtmf.builder("1").toneDuration(ms).build())
                .accepts(50.0, 5000.0)
                .refuses(49.9, 5000.1, Double.NaN);
        limit(
                        "SendDtmf",
                        "toneInterval",
                        "between 50 and 5000 milliseconds",
                        (Double ms) -> SendDtmf.builder("1").toneInterval(ms).build())
                .accepts(50.0, 5000.0)
                .refuses(49.0, 5001.0, INFINITY);

        limit("SpeakSentence", "text", "is required", SpeakSentence::of).refuses(null, "", "   ");
        limit(
                        "SpeakSentence",
                        "locale",
                        "a locale such as en_US",
                        (String locale) ->
                                SpeakSentence.builder("Hi").locale(locale).build())
                .accepts("en_US", "es_MX")
                .refuses("en-US", "english", "EN_us");

        limit(
                        "StartStream",
                        "destination",
                        "is required",
                        (String uri) -> StartStream.builder(uri).build())
                .refuses(null, " ");
        limit(
                        "StartStream",
                        "destination",
                        "a wss:// URI",
                        (String uri) -> StartStream.builder(uri).build())
                .accepts("wss://stream.example.com/audio")
                .refuses("ws://s.example.com", "https://s.example.com", "wss://", "wss://a b");
        limit(
                        "StartStream",
                        "name",
                        "must not be blank when given",
                        (String name) -> StartStream.builder("wss://s.example.com")
                                .name(name)
                                .build())
                .accepts("live")
                .refuses("", " ");
        limit("StartStream", "StreamParam elements", "must be at most 12", (Integer count) -> {
                    StartStream.Builder stream = StartStream.builder("wss://s.example.com");
                    IntStream.range(0, count).forEach(i -> stream.streamParam("p" + i, "v"));
                    return stream.build();
                })
                .accepts(0, 12)
                .refuses(13);
        limit(
                        "StartStream",
                        "StreamParam elements",
                        "must not hold a null element",
                        (List<StreamParam> params) -> new StartStream(
                                null, null, "wss://s.example.com", null, null, null, null, null, null, params))
                .refusesShowing(Arrays.asList(new StreamParam("a", "b"), null), null);

        limit(
                        "StartTranscription",
                        "destination",
                        "a wss:// URI",
                        (String uri) ->
                                StartTranscription.builder().destination(uri).build())
                .accepts("wss://t.example.com", null)
                .refuses("https://t.example.com", "wss://");
        limit(
                        "StartTranscription",
                        "name",
                        "must not be blank when given",
                        (String name) -> StartTranscription.builder().name(name).build())
                .accepts("live", null)
                .refuses(" ");
        limit("StartTranscription", "CustomParam elements", "must be at most 12", (Integer count) -> {
                    StartTranscription.Builder transcription = StartTranscription.builder();
                    IntStream.range(0, count).forEach(i -> transcription.customParam("p" + i, "v"));
                    return transcription.build();
                })
                .accepts(0, 12)
                .refuses(13);

        for (String element : List.of("StreamParam", "CustomParam")) {
            Function<String, Object> named =
                    name -> element.equals("StreamParam") ? StreamParam.of(name, "v") : CustomParam.of(name, "v");
            Function<String, Object> valued =
                    value -> element.equals("StreamParam") ? StreamParam.of("n", value) : CustomParam.of("n", value);
            limit(element, "name", "is required", named).refuses(null, "");
            limit(element, "name", "at most 256 characters", named)
                    .accepts(chars(256))
                    .refuses(chars(257));
            limit(element, "value", "is required", valued).refuses(null, " ");
            limit(element, "value", "at most 2048 characters", valued)
                    .accepts(chars(2048))
                    .refuses(chars(2049));
        }

        limit(
                        "StopStream",
                        "name",
                        "must not be blank when given",
                        (String name) -> StopStream.builder().name(name).build())
                .accepts("live", null)
                .refuses("", " ");
        limit(
                        "StopTranscription",
                        "name",
                        "must not be blank when given",
                        (String name) -> StopTranscription.builder().name(name).build())
                .accepts("live", null)
                .refuses(" ");

        limit(
                        "Transfer",
                        "targets",
                        "1 to 8 PhoneNumber or SipUri elements",
                        (Integer count) -> new Transfer(null, null, null, null, null, null, null, null, numbers(count)))
                .accepts(1, 8)
                .refuses(0, 9);
        limit(
                        "Transfer",
                        "targets",
                        "must not hold a null element",
                        (List<TransferTarget> targets) ->
                                new Transfer(null, null, null, null, null, null, null, null, targets))
                .refusesShowing(Arrays.asList(PhoneNumber.of(PHONE), null), null);
        limit(
                        "Transfer",
                        "transferCallerId",
                        "E.164 number such as +15555550100 or one of Restricted, Anonymous, " + "Private, Unavailable",
                        (String callerId) -> Transfer.builder()
                                .transferCallerId(callerId)
                                .phoneNumber(PHONE)
                                .build())
                .accepts(PHONE, "Private", "Unavailable")
                .refuses("restricted", "15555550100");
        limit(
                        "Transfer",
                        "transferCallerDisplayName",
                        "at most 256 characters",
                        (String name) -> Transfer.builder()
                                .transferCallerDisplayName(name)
                                .phoneNumber(PHONE)
                                .build())
                .accepts(chars(256))
                .refuses(chars(257));
        limit(
                        "Transfer",
                        "callTimeout",
                        "between 1 and 300 seconds",
                        (Integer seconds) -> Transfer.builder()
                                .callTimeout(seconds)
                                .phoneNumber(PHONE)
                                .build())
                .accepts(1, 300)
                .refuses(0, 301);

        limit("PhoneNumber", "number", "is required", PhoneNumber::of).refuses(null, " ");
        limit("PhoneNumber", "number", "an E.164 number such as +15555550100", PhoneNumber::of)
                .accepts(PHONE)
                .refuses("5555550100", "+1 555 555 0100", "sip:agent@pbx.example.com");
        limit("SipUri", "URI", "is required", SipUri::of).refuses(null, "");
        limit("SipUri", "URI", "a sip: URI", SipUri::of)
                .accepts("sip:agent@pbx.example.com")
                .refuses("agent@pbx.example.com", "sips:a@b.example", "sip:");
    }

    // --- limits every verb with the attribute shares ------------------------------------------------------------

    /** Verbs (and nested elements) with a {@code tag} attribute, built with a given tag. */
    private static final Map<String, Function<String, ?>> TAGGED = new LinkedHashMap<>();
    /** Verbs with the four credential attributes, built with given credentials. */
    private static final Map<String, Function<Credentials, ?>> CREDENTIALED = new LinkedHashMap<>();
    /** Verbs with a {@code username} and {@code password} of their own, built with a given username / password. */
    private static final Map<String, List<Function<String, ?>>> USER_AND_PASSWORD = new LinkedHashMap<>();
    /** "Verb prefix" of each callback with a fallback, built with a given callback. */
    private static final Map<String, Function<Callback, ?>> CALLBACKS = new LinkedHashMap<>();
    /** "Verb prefix" of each callback without a fallback, built with a given callback. */
    private static final Map<String, Function<PlainCallback, ?>> PLAIN_CALLBACKS = new LinkedHashMap<>();
    /** Verbs with a {@code uui} attribute. */
    private static final Map<String, Function<String, ?>> WITH_UUI = new LinkedHashMap<>();

    static {
        TAGGED.put("Bridge", tag -> Bridge.builder("c-1").tag(tag).build());
        TAGGED.put("Conference", tag -> Conference.builder("room").tag(tag).build());
        TAGGED.put("Gather", tag -> Gather.builder().tag(tag).build());
        TAGGED.put("Record", tag -> Record.builder().tag(tag).build());
        TAGGED.put("Redirect", tag -> Redirect.builder().tag(tag).build());
        TAGGED.put("Refer", tag -> Refer.builder("sip:a@b.example").tag(tag).build());
        TAGGED.put("StartGather", tag -> StartGather.builder().tag(tag).build());
        TAGGED.put("StartRecording", tag -> StartRecording.builder().tag(tag).build());
        TAGGED.put("Tag", Tag::new);
        TAGGED.put(
                "Transfer",
                tag -> Transfer.builder().tag(tag).phoneNumber(PHONE).build());
        TAGGED.put("PhoneNumber", tag -> PhoneNumber.builder(PHONE).tag(tag).build());
        TAGGED.put("SipUri", tag -> SipUri.builder("sip:a@b.example").tag(tag).build());

        CREDENTIALED.put(
                "Bridge",
                credentials -> Bridge.builder("c-1").credentials(credentials).build());
        CREDENTIALED.put(
                "Conference",
                credentials ->
                        Conference.builder("room").credentials(credentials).build());
        CREDENTIALED.put(
                "Gather",
                credentials -> Gather.builder().credentials(credentials).build());
        CREDENTIALED.put(
                "Record",
                credentials -> Record.builder().credentials(credentials).build());
        CREDENTIALED.put(
                "Redirect",
                credentials -> Redirect.builder().credentials(credentials).build());
        CREDENTIALED.put(
                "Transfer",
                credentials -> Transfer.builder()
                        .credentials(credentials)
                        .phoneNumber(PHONE)
                        .build());
        CREDENTIALED.put(
                "PhoneNumber",
                credentials ->
                        PhoneNumber.builder(PHONE).credentials(credentials).build());
        CREDENTIALED.put(
                "SipUri",
                credentials -> SipUri.builder("sip:a@b.example")
                        .credentials(credentials)
                        .build());

        USER_AND_PASSWORD.put(
                "PlayAudio",
                List.of(
                        user -> PlayAudio.builder("/a.wav")
                                .credentials(user, null)
                                .build(),
                        secret -> PlayAudio.builder("/a.wav")
                                .credentials(null, secret)
                                .build()));
        USER_AND_PASSWORD.put(
                "StartGather",
                List.of(
                        user -> StartGather.builder().credentials(user, null).build(),
                        secret ->
                                StartGather.builder().credentials(null, secret).build()));
        USER_AND_PASSWORD.put(
                "StartRecording",
                List.of(
                        user -> StartRecording.builder().credentials(user, null).build(),
                        secret -> StartRecording.builder()
                                .credentials(null, secret)
                                .build()));
        USER_AND_PASSWORD.put(
                "StartStream",
                List.of(
                        user -> StartStream.builder("wss://s.example.com")
                                .credentials(user, null)
                                .build(),
                        secret -> StartStream.builder("wss://s.example.com")
                                .credentials(null, secret)
                                .build()));
        USER_AND_PASSWORD.put(
                "StartTranscription",
                List.of(
                        user -> StartTranscription.builder()
                                .credentials(user, null)
                                .build(),
                        secret -> StartTranscription.builder()
                                .credentials(null, secret)
                                .build()));

        CALLBACKS.put(
                "Bridge bridgeComplete",
                callback -> Bridge.builder("c-1").bridgeComplete(callback).build());
        CALLBACKS.put(
                "Bridge bridgeTargetComplete",
                callback -> Bridge.builder("c-1").bridgeTargetComplete(callback).build());
        CALLBACKS.put(
                "Conference conferenceEvent",
                callback -> Conference.builder("room").conferenceEvent(callback).build());
        CALLBACKS.put(
                "Gather gather", callback -> Gather.builder().gather(callback).build());
        CALLBACKS.put(
                "Record recordComplete",
                callback -> Record.builder().recordComplete(callback).build());
        CALLBACKS.put(
                "Redirect redirect",
                callback -> Redirect.builder().redirect(callback).build());
        CALLBACKS.put(
                "Transfer transferComplete",
                callback -> Transfer.builder()
                        .transferComplete(callback)
                        .phoneNumber(PHONE)
                        .build());
        CALLBACKS.put(
                "PhoneNumber transferAnswer",
                callback -> PhoneNumber.builder(PHONE).transferAnswer(callback).build());
        CALLBACKS.put(
                "SipUri transferAnswer",
                callback -> SipUri.builder("sip:a@b.example")
                        .transferAnswer(callback)
                        .build());

        PLAIN_CALLBACKS.put(
                "Record recordingAvailable",
                callback -> Record.builder().recordingAvailable(callback).build());
        PLAIN_CALLBACKS.put(
                "Record transcriptionAvailable",
                callback -> Record.builder().transcriptionAvailable(callback).build());
        PLAIN_CALLBACKS.put(
                "Refer referComplete",
                callback ->
                        Refer.builder("sip:a@b.example").referComplete(callback).build());
        PLAIN_CALLBACKS.put(
                "StartGather dtmf",
                callback -> StartGather.builder().dtmf(callback).build());
        PLAIN_CALLBACKS.put(
                "StartRecording recordingAvailable",
                callback ->
                        StartRecording.builder().recordingAvailable(callback).build());
        PLAIN_CALLBACKS.put(
                "StartRecording transcriptionAvailable",
                callback -> StartRecording.builder()
                        .transcriptionAvailable(callback)
                        .build());
        PLAIN_CALLBACKS.put(
                "StartStream streamEvent",
                callback -> StartStream.builder("wss://s.example.com")
                        .streamEvent(callback)
                        .build());
        PLAIN_CALLBACKS.put(
                "StartTranscription transcriptionEvent",
                callback -> StartTranscription.builder()
                        .transcriptionEvent(callback)
                        .build());
        PLAIN_CALLBACKS.put(
                "PhoneNumber transferDisconnect",
                callback ->
                        PhoneNumber.builder(PHONE).transferDisconnect(callback).build());
        PLAIN_CALLBACKS.put(
                "SipUri transferDisconnect",
                callback -> SipUri.builder("sip:a@b.example")
                        .transferDisconnect(callback)
                        .build());

        WITH_UUI.put("Forward", uui -> Forward.builder(PHONE).uui(uui).build());
        WITH_UUI.put("PhoneNumber", uui -> PhoneNumber.builder(PHONE).uui(uui).build());
        WITH_UUI.put("SipUri", uui -> SipUri.builder("sip:a@b.example").uui(uui).build());

        TAGGED.forEach((verb, build) -> limit(verb, "tag", "at most 256 characters", build)
                .accepts("", "vip", chars(256))
                .refuses(chars(257)));
        Map<String, Function<String, Credentials>> credentialParts = new LinkedHashMap<>();
        credentialParts.put("username", user -> new Credentials(user, null, null, null));
        credentialParts.put("password", secret -> new Credentials(null, secret, null, null));
        credentialParts.put("fallbackUsername", user -> new Credentials(null, null, user, null));
        credentialParts.put("fallbackPassword", secret -> new Credentials(null, null, null, secret));
        CREDENTIALED.forEach((verb, build) -> credentialParts.forEach((part, credentials) -> limit(
                        verb, part, "at most 1024 characters", (String value) -> build.apply(credentials.apply(value)))
                .accepts(chars(1024))
                .refuses(chars(1025))));
        USER_AND_PASSWORD.forEach((verb, builds) -> {
            limit(verb, "username", "at most 1024 characters", builds.get(0))
                    .accepts(chars(1024))
                    .refuses(chars(1025));
            limit(verb, "password", "at most 1024 characters", builds.get(1))
                    .accepts(chars(1024))
                    .refuses(chars(1025));
        });
        limit(
                        "StartStream",
                        "destinationUsername",
                        "at most 1024 characters",
                        (String user) -> StartStream.builder("wss://s.example.com")
                                .destinationCredentials(user, null)
                                .build())
                .accepts(chars(1024))
                .refuses(chars(1025));
        limit(
                        "StartStream",
                        "destinationPassword",
                        "at most 1024 characters",
                        (String secret) -> StartStream.builder("wss://s.example.com")
                                .destinationCredentials(null, secret)
                                .build())
                .accepts(chars(1024))
                .refuses(chars(1025));
        CALLBACKS.forEach((verbAndPrefix, build) -> {
            String[] parts = verbAndPrefix.split(" ");
            limit(
                            parts[0],
                            parts[1] + "Url",
                            "a URL without whitespace",
                            (String url) -> build.apply(new Callback(url, null, null, null)))
                    .accepts("/voice/x", "https://app.example.com/x", null)
                    .refuses("https://a.example/a b");
            limit(
                            parts[0],
                            parts[1] + "Url",
                            "must not be blank when given",
                            (String url) -> build.apply(new Callback(url, null, null, null)))
                    .refuses("", " ");
            limit(
                            parts[0],
                            parts[1] + "FallbackUrl",
                            "a URL without whitespace",
                            (String url) -> build.apply(new Callback("/x", null, url, null)))
                    .accepts("https://backup.example.com/x")
                    .refuses("https://backup.example.com/\tx");
        });
        PLAIN_CALLBACKS.forEach((verbAndPrefix, build) -> {
            String[] parts = verbAndPrefix.split(" ");
            limit(
                            parts[0],
                            parts[1] + "Url",
                            "a URL without whitespace",
                            (String url) -> build.apply(new PlainCallback(url, null)))
                    .accepts("/voice/x", null)
                    .refuses("/voice/ x");
            limit(
                            parts[0],
                            parts[1] + "Url",
                            "must not be blank when given",
                            (String url) -> build.apply(new PlainCallback(url, null)))
                    .refuses(" ");
        });
        WITH_UUI.forEach((verb, build) -> {
            limit(verb, "uui", "at most 256 characters", build)
                    .accepts(chars(256))
                    .refuses(chars(257));
            limit(verb, "uui", "must not be blank when given", build).refuses("", " ");
        });
    }

    static Stream<Arguments> acceptedValues() {
        return LIMITS.stream().flatMap(limit -> limit.accepted.stream());
    }

    static Stream<Arguments> refusedValues() {
        return LIMITS.stream().flatMap(limit -> limit.refused.stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedValues")
    void acceptsTheValuesAtTheEdgeOfTheLimit(String limit, Supplier<?> build) {
        assertDoesNotThrow(build::get);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedValues")
    void refusesTheValuesJustPastTheLimitNamingVerbAttributeValueAndWhatIsAllowed(
            String limit, Supplier<?> build, String verb, String attribute, String shownValue, String allowed) {
        InvalidVerbException refused = assertThrows(InvalidVerbException.class, build::get);

        assertAll(
                () -> assertEquals(verb, refused.verb(), "verb"),
                () -> assertEquals(attribute, refused.attribute(), "attribute"),
                () -> assertEquals(shownValue, refused.value(), "value"),
                () -> assertTrue(refused.allowed().contains(allowed), "allowed: " + refused.allowed()),
                () -> assertEquals(
                        verb + ": " + attribute + " " + refused.allowed()
                                + (shownValue == null ? "" : ", was " + shownValue),
                        refused.getMessage()));
    }

    @Test
    void everyVerbWithAttributesOrContentHasItsLimitsInTheTable() {
        Set<String> withoutValues =
                Set.of("Hangup", "PauseRecording", "ResumeRecording", "StopGather", "StopRecording");
        Set<String> expected = new TreeSet<>(VerbSamples.everyVerbFullyLoaded().keySet());
        expected.removeAll(withoutValues);
        expected.addAll(List.of("PhoneNumber", "SipUri", "StreamParam", "CustomParam"));

        Set<String> covered = new TreeSet<>();
        LIMITS.stream().filter(limit -> !limit.refused.isEmpty()).forEach(limit -> covered.add(limit.verb));

        assertEquals(expected, covered);
    }

    /** "Verb component" of each record component that {@code which} selects, over every verb and target. */
    private static Set<String> components(Predicate<RecordComponent> which) {
        Stream<Class<?>> elements = Stream.concat(
                VerbSamples.everyVerbFullyLoaded().values().stream().map(Object::getClass),
                Stream.of(PhoneNumber.class, SipUri.class));
        return elements.flatMap(type -> Arrays.stream(type.getRecordComponents())
                        .filter(which)
                        .map(component -> type.getSimpleName() + " " + component.getName()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> verbsOf(Set<String> verbAndComponent) {
        return verbAndComponent.stream().map(each -> each.split(" ")[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyCallbackTagCredentialAndUuiOfEveryVerbIsInTheTable() {
        Set<String> tagged = verbsOf(components(component -> component.getName().equals("tag")));
        tagged.add("Tag");

        assertAll(
                () -> assertEquals(
                        components(component -> component.getType() == Callback.class),
                        new TreeSet<>(CALLBACKS.keySet())),
                () -> assertEquals(
                        components(component -> component.getType() == PlainCallback.class),
                        new TreeSet<>(PLAIN_CALLBACKS.keySet())),
                () -> assertEquals(tagged, new TreeSet<>(TAGGED.keySet())),
                () -> assertEquals(
                        verbsOf(components(component -> component.getType() == Credentials.class)),
                        new TreeSet<>(CREDENTIALED.keySet())),
                () -> assertEquals(
                        verbsOf(components(component -> component.getName().equals("password"))),
                        new TreeSet<>(USER_AND_PASSWORD.keySet())),
                () -> assertEquals(
                        verbsOf(components(component -> component.getName().equals("uui"))),
                        new TreeSet<>(WITH_UUI.keySet())));
    }
}
