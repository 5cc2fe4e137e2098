package io.switchboard.adapters.bxml;

import io.switchboard.domain.common.FileFormat;
import io.switchboard.domain.verb.Callback;
import io.switchboard.domain.verb.CallbackMethod;
import io.switchboard.domain.verb.Conference;
import io.switchboard.domain.verb.Credentials;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Hangup;
import io.switchboard.domain.verb.Pause;
import io.switchboard.domain.verb.PhoneNumber;
import io.switchboard.domain.verb.PlayAudio;
import io.switchboard.domain.verb.Prompt;
import io.switchboard.domain.verb.Record;
import io.switchboard.domain.verb.Redirect;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.SipUri;
import io.switchboard.domain.verb.SpeakSentence;
import io.switchboard.domain.verb.Tag;
import io.switchboard.domain.verb.Transfer;
import io.switchboard.domain.verb.TransferTarget;
import io.switchboard.domain.verb.Verb;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whatever valid response a flow builds, reading its BXML gives it back. */
class RoundTripPropertyTest {

    /** Attribute values may hold anything but tab, LF and CR, which XML turns into spaces inside attributes. */
    private static final List<String> ATTRIBUTE_PIECES = List.of("a", "Z", "9", " ", "-", "_", ".", "/", ":", "?",
            "=", "#", "*", "&", "<", ">", "\"", "'", "]]>", "&amp;", "\u00e9", "\u4e2d", "\u00a0", "\uD83D\uDE00");
    private static final List<String> TEXT_PIECES = Stream.concat(ATTRIBUTE_PIECES.stream(),
            Stream.of("\t", "\n", "\r", "\r\n")).toList();
    /** Without '<' no text can be taken for SSML markup, so it must come back exactly. */
    private static final List<String> SPEECH_PIECES = TEXT_PIECES.stream().filter(piece -> !piece.contains("<")).toList();
    /** Text inside SSML, spelled as the writer spells it (so it reads back character for character). */
    private static final List<String> SSML_TEXT_PIECES = List.of("Hello", " ", "world", "\n", "9", "&amp;", "&lt;",
            "&gt;", "\"", "'", "&#13;", "\u00e9", "\uD83D\uDE00");
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
        return Arbitraries.oneOf(prompts(), gathers(), Arbitraries.just(new Hangup()), pauses(), redirects(), records(),
                transfers(), conferences(), tags());
    }

    private Arbitrary<Prompt> prompts() {
        return Arbitraries.oneOf(speakSentences(), playAudios());
    }

    private Arbitrary<SpeakSentence> speakSentences() {
        Arbitrary<String> text = Arbitraries.oneOf(joined(SPEECH_PIECES, 8), ssml()).filter(value -> !value.isBlank());
        Arbitrary<String> voice = Arbitraries.of("julie", "kate", "paul", "bernard").injectNull(0.5);
        Arbitrary<String> gender = Arbitraries.of("male", "female").injectNull(0.5);
        Arbitrary<String> locale = Arbitraries.of("en_US", "fr_FR", "es_MX").injectNull(0.5);
        return Combinators.combine(text, voice, gender, locale).as(SpeakSentence::new);
    }

    private Arbitrary<PlayAudio> playAudios() {
        return Combinators.combine(joined(TEXT_PIECES, 6).map(path -> "https://audio.example.com/" + path),
                optionalAttribute(), optionalAttribute()).as(PlayAudio::new);
    }

    private Arbitrary<Gather> gathers() {
        Arbitrary<Tuple.Tuple4<Callback, Credentials, String, String>> first = Combinators.combine(
                callbacks(true), credentials(), optionalAttribute(),
                Arbitraries.strings().withChars("0123456789*#").ofMaxLength(3).injectNull(0.5)).as(Tuple::of);
        return Combinators.combine(first,
                Arbitraries.integers().between(1, 50).injectNull(0.3),
                seconds(1, 60), seconds(0, 60),
                Arbitraries.integers().between(1, 5).injectNull(0.3),
                prompts().list().ofMaxSize(3))
                .as((head, maxDigits, interDigit, firstDigit, repeat, prompts) -> new Gather(head.get1(), head.get2(),
                        head.get3(), head.get4(), maxDigits, interDigit, firstDigit, repeat, prompts));
    }

    private Arbitrary<Pause> pauses() {
        return Arbitraries.doubles().between(0.1, 86_400).ofScale(3).map(Pause::new);
    }

    private Arbitrary<Redirect> redirects() {
        return Combinators.combine(callbacks(true), credentials(), optionalAttribute()).as(Redirect::new);
    }

    private Arbitrary<Record> records() {
        Arbitrary<Tuple.Tuple5<Callback, Callback, Boolean, Boolean, Callback>> callbacks = Combinators.combine(
                callbacks(true), callbacks(false), booleans(), booleans(), callbacks(false)).as(Tuple::of);
        return Combinators.combine(callbacks, credentials(), optionalAttribute(),
                Arbitraries.strings().withChars("0123456789*#").ofMaxLength(2).injectNull(0.5),
                Arbitraries.integers().between(1, 10_800).injectNull(0.3),
                Arbitraries.integers().between(0, 60).injectNull(0.3),
                Arbitraries.of(FileFormat.class).injectNull(0.3))
                .as((head, credentials, tag, digits, maxDuration, silence, format) -> new Record(head.get1(),
                        head.get2(), head.get3(), head.get4(), head.get5(), credentials, tag, digits, maxDuration,
                        silence, format));
    }

    private Arbitrary<Transfer> transfers() {
        Arbitrary<Tuple.Tuple4<String, String, Integer, Callback>> head = Combinators.combine(
                Arbitraries.of("+15550100", "Restricted", "Anonymous").injectNull(0.3), optionalAttribute(),
                Arbitraries.integers().between(1, 300).injectNull(0.3), callbacks(true)).as(Tuple::of);
        return Combinators.combine(head, credentials(), optionalAttribute(),
                Arbitraries.of("none", "propagate", "stack").injectNull(0.5), optionalAttribute(),
                transferTargets().list().ofMinSize(1).ofMaxSize(3))
                .as((first, credentials, tag, treatment, reason, targets) -> new Transfer(first.get1(), first.get2(),
                        first.get3(), first.get4(), credentials, tag, treatment, reason, targets));
    }

    private Arbitrary<TransferTarget> transferTargets() {
        Arbitrary<PhoneNumber> numbers = Combinators.combine(
                Arbitraries.strings().numeric().ofMinLength(4).ofMaxLength(12).map(digits -> "+1" + digits),
                callbacks(true), callbacks(false), credentials(), optionalAttribute(), optionalAttribute())
                .as(PhoneNumber::new);
        Arbitrary<SipUri> uris = Combinators.combine(
                joined(TEXT_PIECES, 5).map(user -> "sip:" + user + "@pbx.example.com"),
                callbacks(true), callbacks(false), credentials(), optionalAttribute(), optionalAttribute())
                .as(SipUri::new);
        return Arbitraries.oneOf(numbers, uris);
    }

    private Arbitrary<Conference> conferences() {
        return Combinators.combine(
                Arbitraries.strings().alpha().numeric().withChars("-_.").ofMinLength(1).ofMaxLength(100),
                booleans(), booleans(),
                Arbitraries.strings().withChars("abcdef0123456789-").ofMinLength(1).ofMaxLength(12).list().ofMaxSize(3),
                callbacks(true), credentials(), optionalAttribute(), seconds(1, 25))
                .as(Conference::new);
    }

    private Arbitrary<Tag> tags() {
        return joined(TEXT_PIECES, 6).map(Tag::new);
    }

    /** A callback with at least one part: one with none is written as nothing and reads back as absent. */
    private Arbitrary<Callback> callbacks(boolean withFallback) {
        Arbitrary<String> url = joined(ATTRIBUTE_PIECES, 4).map(path -> "https://app.example.com/" + path).injectNull(0.3);
        Arbitrary<CallbackMethod> method = Arbitraries.of(CallbackMethod.class).injectNull(0.5);
        Arbitrary<Callback> callback = withFallback
                ? Combinators.combine(url, method, url, method).as(Callback::new)
                : Combinators.combine(url, method).as((primary, how) -> new Callback(primary, how, null, null));
        return callback.filter(value -> Stream.of(value.url(), value.method(), value.fallbackUrl(),
                value.fallbackMethod()).anyMatch(Objects::nonNull)).injectNull(0.4);
    }

    private Arbitrary<Credentials> credentials() {
        return Combinators.combine(optionalAttribute(), optionalAttribute(), optionalAttribute(), optionalAttribute())
                .as(Credentials::new)
                .filter(value -> Stream.of(value.username(), value.password(), value.fallbackUsername(),
                        value.fallbackPassword()).anyMatch(Objects::nonNull))
                .injectNull(0.5);
    }

    private Arbitrary<String> optionalAttribute() {
        return joined(ATTRIBUTE_PIECES, 6).injectNull(0.5);
    }

    private Arbitrary<Double> seconds(int min, int max) {
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
        return Arbitraries.oneOf(joined(SSML_TEXT_PIECES, 3), ssmlElement(depth)).list().ofMaxSize(3)
                .map(parts -> String.join("", parts));
    }

    private Arbitrary<String> ssmlElement(int depth) {
        if (depth == 0) {
            return Arbitraries.of(EMPTY_SSML_ELEMENTS);
        }
        Arbitrary<String> wrapping = Combinators.combine(Arbitraries.of(SSML_WRAPPERS), ssmlContent(depth - 1))
                .as((tags, content) -> content.isEmpty()
                        ? tags.get(0).replace(">", "/>")
                        : tags.get(0) + content + tags.get(1));
        return Arbitraries.oneOf(Arbitraries.of(EMPTY_SSML_ELEMENTS), wrapping);
    }

    private static Arbitrary<String> joined(List<String> pieces, int maxPieces) {
        return Arbitraries.of(pieces).list().ofMaxSize(maxPieces).map(parts -> String.join("", parts));
    }
}
