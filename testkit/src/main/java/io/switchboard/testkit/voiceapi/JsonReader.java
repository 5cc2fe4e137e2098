package io.switchboard.testkit.voiceapi;

import java.util.Map;

/**
 * The simulated Voice API's port for request bodies: the transport's JSON library turns a body into a
 * {@link Documents document}, so the engine reads fields without knowing the wire format's parser.
 */
@FunctionalInterface
public interface JsonReader {

    /**
     * @throws IllegalArgumentException when {@code text} is not a JSON object, with a message saying why
     */
    Map<String, Object> readObject(String text);
}
