package io.switchboard.adapters.bxml;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.switchboard.domain.verb.Conference;
import io.switchboard.domain.verb.Pause;
import io.switchboard.domain.verb.PhoneNumber;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.Ring;
import io.switchboard.domain.verb.StopStream;
import io.switchboard.domain.verb.StopTranscription;
import io.switchboard.domain.verb.Tag;
import io.switchboard.domain.verb.Transfer;
import io.switchboard.domain.verb.VerbSamples;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Responses with their exact BXML, kept in {@code src/test/resources/golden}: one file per verb with every
 * attribute set, plus typical replies and one where every default is left out.
 */
final class Goldens {

    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private Goldens() {}

    /** Arguments: a name, the response, its exact BXML. */
    static Stream<Arguments> cases() {
        Stream<Arguments> perVerb = VerbSamples.everyVerbFullyLoaded().entrySet().stream()
                .map(verb -> golden(verb.getKey(), Response.of(verb.getValue())));
        Stream<Arguments> replies = Stream.of(
                golden("empty-response", Response.empty()),
                golden(
                        "typical-ivr-reply",
                        Response.builder()
                                .speakSentence("Welcome to Switchboard.")
                                .gather(gather -> gather.gatherUrl("/voice/gather")
                                        .maxDigits(1)
                                        .speakSentence("Press 1 for sales or 2 for support."))
                                .hangup()
                                .build()),
                golden(
                        "defaults-left-out",
                        Response.of(
                                Conference.of("lobby"),
                                Tag.of(""),
                                Pause.builder().build(),
                                Ring.builder().build(),
                                StopStream.builder().build(),
                                StopTranscription.builder().build(),
                                Transfer.builder()
                                        .target(PhoneNumber.of("+15550123"))
                                        .build())));
        return Stream.concat(perVerb, replies);
    }

    /** The golden file {@code golden/<name>.xml}, without the newline that ends the file. */
    static String text(String name) {
        try (InputStream in = Goldens.class.getResourceAsStream("/golden/" + name + ".xml")) {
            if (in == null) {
                throw new IllegalStateException("no golden file for " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Arguments golden(String name, Response response) {
        return arguments(name, response, text(name));
    }
}
