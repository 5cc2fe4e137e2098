package io.switchboard.adapters.bxml;

import io.switchboard.domain.verb.Callback;
import io.switchboard.domain.verb.CallbackMethod;
import io.switchboard.domain.verb.Conference;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.PhoneNumber;
import io.switchboard.domain.verb.Record;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.Transfer;
import org.junit.jupiter.api.Test;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BxmlWriterTest {

    private final BxmlWriter writer = new BxmlWriter();

    @Test
    void refusesAFallbackWhereBxmlHasNone() {
        Record record = new Record(null, new Callback("/recording", null, "/backup", CallbackMethod.GET),
                null, null, null, null, null, null, null, null, null);

        BxmlException refused = assertThrows(BxmlException.class, () -> writer.write(Response.of(record)));

        assertEquals("<Record> is invalid: the recordingAvailable callback has no fallback in BXML, but one was given: "
                + "Callback[url=/recording, method=null, fallbackUrl=/backup, fallbackMethod=GET]", refused.getMessage());
    }

    @Test
    void refusesATransferDisconnectFallback() {
        PhoneNumber target = new PhoneNumber("+15550123", null, new Callback(null, null, "/backup", null),
                null, null, null);

        BxmlException refused = assertThrows(BxmlException.class,
                () -> writer.write(Response.of(Transfer.builder().target(target).build())));

        assertEquals("<PhoneNumber> is invalid: the transferDisconnect callback has no fallback in BXML, but one was "
                + "given: Callback[url=null, method=null, fallbackUrl=/backup, fallbackMethod=null]", refused.getMessage());
    }

    @Test
    void refusesANumberThatIsNotFinite() {
        BxmlException refused = assertThrows(BxmlException.class, () -> writer.write(
                Response.of(Gather.builder().interDigitTimeout(Double.POSITIVE_INFINITY).build())));

        assertEquals("<Gather> is invalid: a number must be finite, was Infinity", refused.getMessage());
    }

    @Test
    void refusesACallIdThatWouldSplitTheCommaList() {
        Conference conference = new Conference("room", null, null, List.of("c-1,c-2"), null, null, null, null);

        BxmlException refused = assertThrows(BxmlException.class, () -> writer.write(Response.of(conference)));

        assertEquals("<Conference> is invalid: a call id in a comma-separated list must be non-empty and contain no "
                + "comma, was 'c-1,c-2'", refused.getMessage());
    }

    @Test
    void writesWholeNumbersWithoutAFractionAndOthersAsPlainDecimals() {
        String bxml = writer.write(Response.of(Gather.builder().interDigitTimeout(10).firstDigitTimeout(0.000125)
                .build()));

        assertEquals(Goldens.DECLARATION
                + "<Response><Gather interDigitTimeout=\"10\" firstDigitTimeout=\"0.000125\"/></Response>", bxml);
    }

    @Test
    void reportsAFailingWriterAsUncheckedIo() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        UncheckedIOException failed = assertThrows(UncheckedIOException.class,
                () -> writer.write(Response.of(Gather.builder().speak("Hello").build()), broken));

        assertEquals("disk full", failed.getCause().getMessage());
    }

    @Test
    void oneWriterServesManyThreadsAtOnce() throws Exception {
        List<Response> responses = Goldens.cases().map(arguments -> (Response) arguments.get()[1]).toList();
        List<String> expected = Goldens.cases().map(arguments -> (String) arguments.get()[2]).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Set<List<String>>>> results = IntStream.range(0, 8)
                    .mapToObj(task -> threads.submit(() -> IntStream.range(0, 50)
                            .mapToObj(round -> responses.stream().map(writer::write).toList())
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
