package io.switchboard.adapters.bxml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.domain.common.FileFormat;
import io.switchboard.domain.verb.Bridge;
import io.switchboard.domain.verb.Callback;
import io.switchboard.domain.verb.CallbackMethod;
import io.switchboard.domain.verb.Conference;
import io.switchboard.domain.verb.Credentials;
import io.switchboard.domain.verb.CustomParam;
import io.switchboard.domain.verb.DiversionReason;
import io.switchboard.domain.verb.DiversionTreatment;
import io.switchboard.domain.verb.Forward;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Gender;
import io.switchboard.domain.verb.Hangup;
import io.switchboard.domain.verb.Pause;
import io.switchboard.domain.verb.PauseRecording;
import io.switchboard.domain.verb.PhoneNumber;
import io.switchboard.domain.verb.PlainCallback;
import io.switchboard.domain.verb.PlayAudio;
import io.switchboard.domain.verb.Prompt;
import io.switchboard.domain.verb.Record;
import io.switchboard.domain.verb.Redirect;
import io.switchboard.domain.verb.Refer;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.ResumeRecording;
import io.switchboard.domain.verb.Ring;
import io.switchboard.domain.verb.SendDtmf;
import io.switchboard.domain.verb.SipUri;
import io.switchboard.domain.verb.SpeakSentence;
import io.switchboard.domain.verb.StartGather;
import io.switchboard.domain.verb.StartRecording;
import io.switchboard.domain.verb.StartStream;
import io.switchboard.domain.verb.StartTranscription;
import io.switchboard.domain.verb.StopGather;
import io.switchboard.domain.verb.StopRecording;
import io.switchboard.domain.verb.StopStream;
import io.switchboard.domain.verb.StopTranscription;
import io.switchboard.domain.verb.StreamMode;
import io.switchboard.domain.verb.StreamParam;
import io.switchboard.domain.verb.Tag;
import io.switchboard.domain.verb.Tracks;
import io.switchboard.domain.verb.Transfer;
import io.switchboard.domain.verb.TransferTarget;
import io.switchboard.domain.verb.Verb;
import io.switchboard.domain.verb.Voice;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Whatever valid response a flow builds, reading its BXML gives it back. */
class RoundTripPropertyTest {

    /** Attribute values may hold anything but tab, LF and CR, which XML turns into spaces inside attributes. */
    private static final List<String> ATTRIBUTE_PIECES = List.of(
            "a",
            "Z",
            "9",
            " ",
            "-",
            "_",
            ".",
            "/",
            ":",
            "?",
            "=",
            "#",
            "*",
            "&",
            "<",
            ">",
            "\"",
            "'",
            "]]>",
            "&amp;",
            "\u00e9",
            "\u4e2d",
            "\u00a0",
            "\uD83D\uDE00");
    /** URL characters: anything but whitespace, which no URL holds unescaped. */
    private static final List<String> URL_PIECES = ATTRIBUTE_PIECES.stream()
            .filter(piece -> piece.chars().noneMatch(Character::isWhitespace))
            .toList();

    private static final List<String> TEXT_PIECES = Stream.concat(
                    ATTRIBUTE_PIECES.stream(), Stream.of("\t", "\n", "\r", "\r\n"))
            .toList();
    /** Without '<' no text can be taken for SSML markup, so it must come back exactly. */
    private static final List<String> SPEECH_PIECES =
            TEXT_PIECES.stream().filter(piece -> !piece.contains("<")).toList();
    /** Text inside SSML, spelled as the writer spells it (so it reads back character for character). */
    private static final List<String> SSML_TEXT_PIECES = List.of(
            "Hello", " ", "world", "\n", "9", "&amp;", "&lt;", "&gt;", "\"", "'", "&#13;", "\u00e9", "\uD83D\uDE00");

    private static final List<String> EMPTY_SSML_ELEMENTS =
            List.of("<break time=\"500ms\"/>", "<break strength=\"strong\"/>", "<s/>");
    private static final List<List<String>> SSML_WRAPPERS = List.of(
            List.of("<emphasis level=\"moderate\">", "</emphasis>"),
            List.of("<prosody rate=\"slow\" pitch=\"+10%\">", "</prosody>"),
            List.of("<say-as interpret-as=\"telephone\">", "</say-as>"),
            List.of("<lang xml:lang=\"fr-FR\">", "</lang>"),
            List.of("<sub alias=\"World Wide Web\">", "</sub>"),
            List.of("<phoneme alphabet=\"ipa\" ph=\"t\u0259\u02c8me\u026ato\u028a\">", "</phoneme>"),
            List.of("<p>", "</p>"),
            List.of("<s>", "</s>"));

    private final BxmlWriter writer = new BxmlWriter();
    private final BxmlReader reader = new BxmlReader();

    @Property(tries = 600)
    void readingWhatWasWrittenGivesTheSameResponse(@ForAll("responses") Response response) {
        assertEquals(response, reader.read(writer.write(response)));
    }

    @Property(tries = 300)
    void writingIsDeterministic(@ForAll("responses") Response response) {
        assertEquals(writer.write(response), writer.write(reader.read(writer.write(response))));
    }

    @Provide
    Arbitrary<Response> responses() {
        return verbs().list().ofMaxSize(6).map(Response::new);
    }

    private Arbitrary<Verb> verbs() {
        return Arbitraries.oneOf(List.of(
                prompts(),
                gathers(),
                pauses(),
                redirects(),
                records(),
                transfers(),
                conferences(),
                tags(),
                bridges(),
                forwards(),
                refers(),
                rings(),
                sendDtmfs(),
                startGathers(),
                startRecordings(),
                startStreams(),
                startTranscriptions(),
                stopStreams(),
                stopTranscriptions(),
                Arbitraries.of(
                        Hangup.of(), PauseRecording.of(), ResumeRecording.of(), StopGather.of(), StopRecording.of())));
    }

    private Arbitrary<Prompt> prompts() {
        return Arbitraries.oneOf(speakSentences(), playAudios());
    }

    private Arbitrary<SpeakSentence> speakSentences() {
        Arbitrary<String> text =
                Arbitraries.oneOf(joined(SPEECH_PIECES, 8), ssml()).filter(value -> !value.isBlank());
        Arbitrary<String> locale = Arbitraries.of("en_US", "fr_FR", "es_MX").injectNull(0.5);
        return Combinators.combine(text, optional(Voice.class), optional(Gender.class), locale)
                .as(SpeakSentence::new);
    }

    private Arbitrary<PlayAudio> playAudios() {
        return Combinators.combine(urls("https://audio.example.com/"), optionalAttribute(), optionalAttribute())
                .as(PlayAudio::new);
    }

    private Arbitrary<Gather> gathers() {
        Arbitrary<Tuple.Tuple4<Callback, Credentials, String, String>> first = Combinators.combine(
                        callbacks(), credentials(), optionalAttribute(), digits(3))
                .as(Tuple::of);
        Arbitrary<Tuple.Tuple3<Integer, Double, Double>> limits = Combinators.combine(
                        Arbitraries.integers().between(1, 50).injectNull(0.3), seconds(1, 60), seconds(0, 60))
                .as(Tuple::of);
        return Combinators.combine(
                        first,
                        limits,
                        Arbitraries.integers().between(1, 5).injectNull(0.3),
                        prompts().list().ofMaxSize(3))
                .filter((head, numbers, repeat, prompts) ->
                        (repeat == null ? 1 : repeat) * prompts.size() <= Gather.MAX_PLAYED_PROMPTS)
                .as((head, numbers, repeat, prompts) -> new Gather(
                        head.get1(),
                        head.get2(),
                        head.get3(),
                        head.get4(),
                        numbers.get1(),
                        numbers.get2(),
                        numbers.get3(),
                        repeat,
                        prompts));
    }

    private Arbitrary<Pause> pauses() {
        return seconds(0.1, 86_400).map(Pause::new);
    }

    private Arbitrary<Redirect> redirects() {
        Arbitrary<Callback> withUrl = Combinators.combine(
                        urls("https://app.example.com/"),
                        methods(),
                        urls("https://backup.example.com/").injectNull(0.5),
                        methods())
                .as(Callback::new);
        return Combinators.combine(withUrl, credentials(), optionalAttribute()).as(Redirect::new);
    }

    private Arbitrary<Record> records() {
        Arbitrary<Tuple.Tuple5<Callback, PlainCallback, Boolean, Boolean, PlainCallback>> callbacks =
                Combinators.combine(callbacks(), plainCallbacks(), booleans(), booleans(), plainCallbacks())
                        .as(Tuple::of);
        return Combinators.combine(
                        callbacks,
                        credentials(),
                        optionalAttribute(),
                        digits(2),
                        Arbitraries.integers().between(1, 10_800).injectNull(0.3),
                        seconds(0, 60),
                        optional(FileFormat.class))
                .as((head, credentials, tag, digits, maxDuration, silence, format) -> new Record(
                        head.get1(),
                        head.get2(),
                        head.get3(),
                        head.get4(),
                        head.get5(),
                        credentials,
                        tag,
                        digits,
                        maxDuration,
                        silence,
                        format));
    }

    private Arbitrary<Transfer> transfers() {
        Arbitrary<Tuple.Tuple4<String, String, Double, Callback>> head = Combinators.combine(
                        callerIds(), optionalAttribute(), seconds(1, 300), callbacks())
                .as(Tuple::of);
        return Combinators.combine(
                        head,
                        credentials(),
                        optionalAttribute(),
                        optional(DiversionTreatment.class),
                        optional(DiversionReason.class),
                        transferTargets().list().ofMinSize(1).ofMaxSize(3))
                .as((first, credentials, tag, treatment, reason, targets) -> new Transfer(
                        first.get1(),
                        first.get2(),
                        first.get3(),
                        first.get4(),
                        credentials,
                        tag,
                        treatment,
                        reason,
                        targets));
    }

    private Arbitrary<TransferTarget> transferTargets() {
        Arbitrary<PhoneNumber> numbers = Combinators.combine(
                        phoneNumbers(), callbacks(), plainCallbacks(), credentials(), optionalAttribute(), uuis())
                .as(PhoneNumber::new);
        Arbitrary<SipUri> uris = Combinators.combine(
                        sipUris(), callbacks(), plainCallbacks(), credentials(), optionalAttribute(), uuis())
                .as(SipUri::new);
        return Arbitraries.oneOf(numbers, uris);
    }

    private Arbitrary<Conference> conferences() {
        return Combinators.combine(
                        Arbitraries.strings()
                                .alpha()
                                .numeric()
                                .withChars("-_.")
                                .ofMinLength(1)
                                .ofMaxLength(100),
                        booleans(),
                        booleans(),
                        Arbitraries.strings()
                                .withChars("abcdef0123456789-")
                                .ofMinLength(1)
                                .ofMaxLength(12)
                                .list()
                                .ofMaxSize(3),
                        callbacks(),
                        credentials(),
                        optionalAttribute(),
                        seconds(1, 25))
                .as(Conference::new);
    }

    private Arbitrary<Tag> tags() {
        return joined(TEXT_PIECES, 6).map(Tag::new);
    }

    private Arbitrary<Bridge> bridges() {
        return Combinators.combine(
                        Arbitraries.strings()
                                .withChars("abcdef0123456789-")
                                .ofMinLength(1)
                                .ofMaxLength(40),
                        callbacks(),
                        callbacks(),
                        credentials(),
                        optionalAttribute())
                .as(Bridge::new);
    }

    private Arbitrary<Forward> forwards() {
        return Combinators.combine(
                        Arbitraries.oneOf(phoneNumbers(), sipUris()),
                        callerIds(),
                        seconds(1, 300),
                        optional(DiversionTreatment.class),
                        optional(DiversionReason.class),
                        uuis())
                .as(Forward::new);
    }

    private Arbitrary<Refer> refers() {
        return Combinators.combine(plainCallbacks(), optionalAttribute(), sipUris())
                .as(Refer::new);
    }

    private Arbitrary<Ring> rings() {
        return Combinators.combine(seconds(0.1, 86_400), booleans()).as(Ring::new);
    }

    private Arbitrary<SendDtmf> sendDtmfs() {
        return Combinators.combine(
                        Arbitraries.strings()
                                .withChars("0123456789*#abcdABCDwW,")
                                .ofMinLength(1)
                                .ofMaxLength(50),
                        seconds(50, 5000),
                        seconds(50, 5000))
                .as(SendDtmf::new);
    }

    private Arbitrary<StartGather> startGathers() {
        return Combinators.combine(plainCallbacks(), optionalAttribute(), optionalAttribute(), optionalAttribute())
                .as(StartGather::new);
    }

    private Arbitrary<StartRecording> startRecordings() {
        Arbitrary<Tuple.Tuple4<PlainCallback, Boolean, Boolean, PlainCallback>> head = Combinators.combine(
                        plainCallbacks(), booleans(), booleans(), plainCallbacks())
                .as(Tuple::of);
        return Combinators.combine(
                        head,
                        optionalAttribute(),
                        optionalAttribute(),
                        optionalAttribute(),
                        optional(FileFormat.class),
                        booleans())
                .as((first, user, secret, tag, format, multiChannel) -> new StartRecording(
                        first.get1(),
                        first.get2(),
                        first.get3(),
                        first.get4(),
                        user,
                        secret,
                        tag,
                        format,
                        multiChannel));
    }

    private Arbitrary<StartStream> startStreams() {
        Arbitrary<Tuple.Tuple5<String, Tracks, String, PlainCallback, String>> head = Combinators.combine(
                        names(),
                        optional(Tracks.class),
                        urls("wss://stream.example.com/"),
                        plainCallbacks(),
                        optionalAttribute())
                .as(Tuple::of);
        Arbitrary<StreamParam> params = Combinators.combine(
                        joined(ATTRIBUTE_PIECES, 4).filter(n -> !n.isBlank()),
                        joined(ATTRIBUTE_PIECES, 6).filter(v -> !v.isBlank()))
                .as(StreamParam::new);
        return Combinators.combine(
                        head,
                        optionalAttribute(),
                        optional(StreamMode.class),
                        optionalAttribute(),
                        optionalAttribute(),
                        params.list().ofMaxSize(StartStream.MAX_PARAMS))
                .as((first, secret, mode, wsUser, wsSecret, streamParams) -> new StartStream(
                        first.get1(),
                        first.get2(),
                        first.get3(),
                        first.get4(),
                        first.get5(),
                        secret,
                        mode,
                        wsUser,
                        wsSecret,
                        streamParams));
    }

    private Arbitrary<StartTranscription> startTranscriptions() {
        Arbitrary<CustomParam> params = Combinators.combine(
                        joined(ATTRIBUTE_PIECES, 4).filter(n -> !n.isBlank()),
                        joined(ATTRIBUTE_PIECES, 6).filter(v -> !v.isBlank()))
                .as(CustomParam::new);
        Arbitrary<Tuple.Tuple4<String, Tracks, PlainCallback, String>> head = Combinators.combine(
                        names(), optional(Tracks.class), plainCallbacks(), optionalAttribute())
                .as(Tuple::of);
        return Combinators.combine(
                        head,
                        optionalAttribute(),
                        urls("wss://text.example.com/").injectNull(0.5),
                        booleans(),
                        params.list().ofMaxSize(StartTranscription.MAX_PARAMS))
                .as((first, secret, destination, stabilized, customParams) -> new StartTranscription(
                        first.get1(),
                        first.get2(),
                        first.get3(),
                        first.get4(),
                        secret,
                        destination,
                        stabilized,
                        customParams));
    }

    private Arbitrary<StopStream> stopStreams() {
        return Combinators.combine(names(), booleans()).as(StopStream::new);
    }

    private Arbitrary<StopTranscription> stopTranscriptions() {
        return names().map(StopTranscription::new);
    }

    /** A callback with at least one part: one with none is written as nothing and reads back as absent. */
    private Arbitrary<Callback> callbacks() {
        Arbitrary<String> url = urls("https://app.example.com/").injectNull(0.3);
        return Combinators.combine(url, methods(), url, methods())
                .as(Callback::new)
                .filter(value -> Stream.of(value.url(), value.method(), value.fallbackUrl(), value.fallbackMethod())
                        .anyMatch(Objects::nonNull))
                .injectNull(0.4);
    }

    private Arbitrary<PlainCallback> plainCallbacks() {
        return Combinators.combine(urls("https://app.example.com/").injectNull(0.3), methods())
                .as(PlainCallback::new)
                .filter(value -> value.url() != null || value.method() != null)
                .injectNull(0.4);
    }

    private Arbitrary<CallbackMethod> methods() {
        return optional(CallbackMethod.class);
    }

    /** A URL: anything but whitespace after the prefix. */
    private Arbitrary<String> urls(String prefix) {
        return joined(URL_PIECES, 6).map(path -> prefix + path);
    }

    private Arbitrary<Credentials> credentials() {
        return Combinators.combine(optionalAttribute(), optionalAttribute(), optionalAttribute(), optionalAttribute())
                .as(Credentials::new)
                .filter(value -> Stream.of(
                                value.username(), value.password(), value.fallbackUsername(), value.fallbackPassword())
                        .anyMatch(Objects::nonNull))
                .injectNull(0.5);
    }

    private Arbitrary<String> optionalAttribute() {
        return joined(ATTRIBUTE_PIECES, 6).injectNull(0.5);
    }

    private Arbitrary<String> uuis() {
        return names();
    }

    private Arbitrary<String> names() {
        return joined(ATTRIBUTE_PIECES, 4).filter(name -> !name.isBlank()).injectNull(0.4);
    }

    private Arbitrary<String> digits(int max) {
        return Arbitraries.strings().withChars("0123456789*#").ofMaxLength(max).injectNull(0.5);
    }

    private Arbitrary<String> phoneNumbers() {
        return Arbitraries.strings().numeric().ofMinLength(4).ofMaxLength(12).map(digits -> "+1" + digits);
    }

    private Arbitrary<String> sipUris() {
        return joined(URL_PIECES, 5).map(user -> "sip:" + user + "@pbx.example.com");
    }

    private Arbitrary<String> callerIds() {
        return Arbitraries.oneOf(phoneNumbers(), Arbitraries.of("Restricted", "Anonymous", "Private", "Unavailable"))
                .injectNull(0.3);
    }

    private static <E extends Enum<E>> Arbitrary<E> optional(Class<E> type) {
        return Arbitraries.of(type).injectNull(0.4);
    }

    private Arbitrary<Double> seconds(double min, double max) {
        return Arbitraries.doubles().between(min, max).ofScale(3).injectNull(0.3);
    }

    private Arbitrary<Boolean> booleans() {
        return Arbitraries.of(true, false).injectNull(0.3);
    }

    /** SpeakSentence text with at least one SSML element, spelled as the writer spells markup. */
    private Arbitrary<String> ssml() {
        return Combinators.combine(joined(SSML_TEXT_PIECES, 3), ssmlElement(2), ssmlContent(1))
                .as((before, element, after) -> before + element + after);
    }

    private Arbitrary<String> ssmlContent(int depth) {
        return Arbitraries.oneOf(joined(SSML_TEXT_PIECES, 3), ssmlElement(depth))
                .list()
                .ofMaxSize(3)
                .map(parts -> String.join("", parts));
    }

    private Arbitrary<String> ssmlElement(int depth) {
        if (depth == 0) {
            return Arbitraries.of(EMPTY_SSML_ELEMENTS);
        }
        Arbitrary<String> wrapping = Combinators.combine(Arbitraries.of(SSML_WRAPPERS), ssmlContent(depth - 1))
                .as((tags, content) ->
                        content.isEmpty() ? tags.get(0).replace(">", "/>") : tags.get(0) + content + tags.get(1));
        return Arbitraries.oneOf(Arbitraries.of(EMPTY_SSML_ELEMENTS), wrapping);
    }

    private static Arbitrary<String> joined(List<String> pieces, int maxPieces) {
        return Arbitraries.of(pieces).list().ofMaxSize(maxPieces).map(parts -> String.join("", parts));
    }
}
