package io.switchboard.adapters.bxml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.Transfer;
import io.switchboard.domain.verb.Verb;
import io.switchboard.domain.verb.VerbSamples;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoldenBxmlTest {

    private final BxmlWriter writer = new BxmlWriter();
    private final BxmlReader reader = new BxmlReader();

    @Test
    void everyVerbOfTheModelHasAGoldenAndAnElement() {
        Set<String> modelVerbs = leaves(Verb.class);

        assertEquals(modelVerbs, VerbSamples.everyVerbFullyLoaded().keySet());
        assertEquals(
                modelVerbs, Vocabulary.VERBS.stream().map(ElementFormat::name).collect(Collectors.toSet()));
    }

    private static Set<String> leaves(Class<?> type) {
        if (!type.isSealed()) {
            return type.isInterface() ? Set.of() : Set.of(type.getSimpleName());
        }
        return Arrays.stream(type.getPermittedSubclasses())
                .flatMap(sub -> leaves(sub).stream())
                .collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.switchboard.adapters.bxml.Goldens#cases")
    void rendersExactly(String name, Response response, String expected) {
        assertEquals(expected, writer.write(response));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.switchboard.adapters.bxml.Goldens#cases")
    void rendersTheSameToAWriter(String name, Response response, String expected) {
        StringWriter out = new StringWriter();
        writer.write(response, out);
        assertEquals(expected, out.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.switchboard.adapters.bxml.Goldens#cases")
    void readsBackWhatItWrote(String name, Response response, String expected) {
        assertEquals(response, reader.read(writer.write(response)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.switchboard.adapters.bxml.Goldens#cases")
    void readsTheGoldenTextFromAReader(String name, Response response, String expected) {
        assertEquals(response, reader.read(new StringReader(expected)));
    }

    /** Bandwidth documents Transfer's callTimeout as a decimal, and its Java SDK writes {@code 15.0}. */
    @Test
    void aDecimalCallTimeoutReadsAndRendersAsBandwidthWritesIt() {
        String bxml = Goldens.DECLARATION
                + "<Response><Transfer callTimeout=\"15.0\"><PhoneNumber>+15550123</PhoneNumber></Transfer></Response>";
        Response expected = Response.builder()
                .transfer(transfer -> transfer.callTimeout(15.0).phoneNumber("+15550123"))
                .build();

        Response read = reader.read(bxml);

        assertEquals(expected, read);
        assertEquals(15.0, ((Transfer) read.verbs().get(0)).callTimeout());
        assertEquals(bxml, writer.write(read));
    }
}
