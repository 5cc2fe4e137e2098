package io.switchboard.adapters.bxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.verb.Bridge;
import io.switchboard.domain.verb.Callback;
import io.switchboard.domain.verb.CallbackMethod;
import io.switchboard.domain.verb.Conference;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Pause;
import io.switchboard.domain.verb.PhoneNumber;
import io.switchboard.domain.verb.Record;
import io.switchboard.domain.verb.Redirect;
import io.switchboard.domain.verb.Refer;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.Ring;
import io.switchboard.domain.verb.StartGather;
import io.switchboard.domain.verb.StartStream;
import io.switchboard.domain.verb.Transfer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BxmlWriterTest {

    private final BxmlWriter writer = new BxmlWriter();

    @Test
    void pointsEveryCallbackWithoutAUrlAtItsChannel() {
        BxmlWriter filling = new BxmlWriter(CallbackUrls.under("https://sb.example.com/voice/"));
        Response response = Response.of(
                Gather.builder().maxDigits(1).build(),
                Record.builder().transcribe(true).build(),
                Transfer.builder().target(PhoneNumber.of("+15550123")).build(),
                Conference.of("room"),
                Bridge.of("c-other"),
                StartGather.builder().build(),
                StartStream.builder("wss://s.example.com").build(),
                Refer.of("sip:agent@pbx.example.com"),
                Redirect.builder().build());

        assertEquals(
                Goldens.DECLARATION + "<Response>"
                        + "<Gather gatherUrl=\"https://sb.example.com/voice/gather\" maxDigits=\"1\"/>"
                        + "<Record recordCompleteUrl=\"https://sb.example.com/voice/recordingComplete\""
                        + " recordingAvailableUrl=\"https://sb.example.com/voice/recordingAvailable\" transcribe=\"true\""
                        + " transcriptionAvailableUrl=\"https://sb.example.com/voice/transcriptionAvailable\"/>"
                        + "<Transfer transferCompleteUrl=\"https://sb.example.com/voice/transferComplete\">"
                        + "<PhoneNumber transferAnswerUrl=\"https://sb.example.com/voice/transferAnswer\""
                        + " transferDisconnectUrl=\"https://sb.example.com/voice/transferDisconnect\">+15550123</PhoneNumber>"
                        + "</Transfer>"
                        + "<Conference conferenceEventUrl=\"https://sb.example.com/voice\">room</Conference>"
                        + "<Bridge bridgeCompleteUrl=\"https://sb.example.com/voice/bridgeComplete\""
                        + " bridgeTargetCompleteUrl=\"https://sb.example.com/voice/bridgeTargetComplete\">c-other</Bridge>"
                        + "<StartGather dtmfUrl=\"https://sb.example.com/voice/dtmf\"/>"
                        + "<StartStream destination=\"wss://s.example.com\" streamEventUrl=\"https://sb.example.com/voice\"/>"
                        + "<Refer referCompleteUrl=\"https://sb.example.com/voice/referComplete\">"
                        + "<SipUri>sip:agent@pbx.example.com</SipUri></Refer>"
                        + "<Redirect redirectUrl=\"https://sb.example.com/voice/redirect\"/>"
                        + "</Response>",
                filling.write(response));
    }

    @Test
    void keepsTheUrlsAFlowGaveAndFillsOnlyTheMissingOnes() {
        BxmlWriter filling = new BxmlWriter(CallbackUrls.under("https://sb.example.com/voice"));
        Gather gather = Gather.builder()
                .gather(new Callback(null, CallbackMethod.GET, "https://backup.example.com/g", null))
                .build();
        Redirect redirect = Redirect.builder()
                .redirectUrl("https://elsewhere.example.com/next")
                .build();

        assertEquals(
                Goldens.DECLARATION + "<Response><Gather gatherUrl=\"https://sb.example.com/voice/gather\""
                        + " gatherMethod=\"GET\" gatherFallbackUrl=\"https://backup.example.com/g\"/>"
                        + "<Redirect redirectUrl=\"https://elsewhere.example.com/next\"/></Response>",
                filling.write(Response.of(gather, redirect)));
    }

    @Test
    void everyCallbackOfTheVocabularyHasAChannel() {
        CallbackUrls urls = CallbackUrls.under("https://sb.example.com/voice");
        Set<String> prefixes = Vocabulary.VERBS.stream()
                .flatMap(format -> format.callbackPrefixes().stream())
                .collect(Collectors.toSet());

        assertEquals(CallbackUrls.prefixes(), prefixes);
        prefixes.forEach(prefix -> assertTrue(urls.urlFor(prefix).startsWith("https://sb.example.com/voice")));
    }

    @Test
    void refusesARedirectWithoutUrlWhenThereIsNoCallbackBase() {
        BxmlException refused = assertThrows(
                BxmlException.class,
                () -> writer.write(Response.of(Redirect.builder().build())));

        assertEquals(
                "<Redirect> is invalid: redirectUrl is required; give one, or write with a callback base",
                refused.getMessage());
    }

    @Test
    void refusesADocumentOverSixtyFourKilobytes() {
        String sentence = "x".repeat(1000);
        Response.Builder big = Response.builder();
        IntStream.range(0, 66).forEach(i -> big.speakSentence(sentence));

        BxmlException refused = assertThrows(BxmlException.class, () -> writer.write(big.build()));

        assertEquals("the BXML document is larger than Bandwidth's limit of 65536 bytes", refused.getMessage());
    }

    @Test
    void countsTheLimitInUtf8BytesNotCharacters() {
        // 22,000 three-byte characters: 66,000 bytes, though only 22,000 characters.
        Response wide =
                Response.builder().speakSentence("\u4e2d".repeat(22_000)).build();
        Response narrow = Response.builder().speakSentence("x".repeat(60_000)).build();

        assertThrows(BxmlException.class, () -> writer.write(wide));
        assertTrue(writer.write(narrow).length() > 60_000);
    }

    @Test
    void writesDecimalsWithOneFractionDigitAtLeastAndNeitherExponentNorTrailingZeros() {
        String bxml = writer.write(Response.of(
                Gather.builder()
                        .interDigitTimeout(10)
                        .firstDigitTimeout(0.000125)
                        .build(),
                Pause.builder().duration(86_400).build(),
                Ring.builder().duration(2.50).build()));

        assertEquals(
                Goldens.DECLARATION
                        + "<Response><Gather interDigitTimeout=\"10.0\" firstDigitTimeout=\"0.000125\"/>"
                        + "<Pause duration=\"86400.0\"/><Ring duration=\"2.5\"/></Response>",
                bxml);
    }

    @Test
    void reportsAFailingWriterAsUncheckedIo() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };

        UncheckedIOException failed = assertThrows(
                UncheckedIOException.class,
                () -> writer.write(
                        Response.of(Gather.builder().speakSentence("Hello").build()), broken));

        assertEquals("disk full", failed.getCause().getMessage());
    }

    @Test
    void oneWriterServesManyThreadsAtOnce() throws Exception {
        List<Response> responses =
                Goldens.cases().map(arguments -> (Response) arguments.get()[1]).toList();
        List<String> expected =
                Goldens.cases().map(arguments -> (String) arguments.get()[2]).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Set<List<String>>>> results = IntStream.range(0, 8)
                    .mapToObj(task -> threads.submit(() -> IntStream.range(0, 50)
                            .mapToObj(round ->
                                    responses.stream().map(writer::write).toList())
                            .collect(Collectors.toSet())))
                    .toList();
            for (Future<Set<List<String>>> result : results) {
                assertEquals(Set.of(expected), result.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
