package io.switchboard.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.adapters.http.json.VoiceChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Hostile webhook bodies, each made from a seed, so a failure replays: valid payloads of every channel and
 * Bandwidth's examples, edited at the JSON level (fields set, removed, retyped) and at the byte level (bytes
 * changed, cut, inserted, doubled; JSON escapes of lone surrogates slipped in), and random bodies.
 */
public final class WebhookMutations {
    static final String[] FIELD_NAMES = {
        "eventType",
        "callId",
        "conferenceId",
        "eventTime",
        "startTime",
        "answerTime",
        "enqueuedTime",
        "direction",
        "channels",
        "duration",
        "fileFormat",
        "status",
        "cause",
        "digits",
        "digit",
        "tag",
        "parentCallId",
        "transferCallId",
        "recordingId",
        "transcription",
        "mediaStream",
        "realTimeTranscription",
        "machineDetectionResult",
        "referCallStatus",
        "referSipResponseCode",
        "tracks",
        "id",
        "stabilized",
        "",
        "__proto__",
        "@type",
        "callId "
    };
    public static final String[] EVENT_TYPES = Arrays.stream(VoiceChannel.values())
            .flatMap(channel -> channel.eventTypes().stream())
            .toArray(String[]::new);

    private static final List<byte[]> CORPUS = corpusOfEveryChannel();
    /** What the parser reads as a UTF-16 surrogate without its pair, or sharding as its separator. */
    private static final String[] UNSTORABLE = {"\\ud800", "\\udc00", "\\udbff\\u0041", "|"};

    private WebhookMutations() {}

    /** A valid payload of every channel, and Bandwidth's own example of every live-only event. */
    public static List<byte[]> corpus() {
        return CORPUS;
    }

    private static List<byte[]> corpusOfEveryChannel() {
        List<byte[]> corpus = new ArrayList<>();
        for (VoiceChannel channel : VoiceChannel.values()) {
            corpus.add(Payloads.json(Payloads.payloadOf(channel)).getBytes(StandardCharsets.UTF_8));
            if (!channel.inContract()) {
                corpus.add(LivePlatformEventsTest.example(channel.path()).getBytes(StandardCharsets.UTF_8));
            }
        }
        return List.copyOf(corpus);
    }

    /** A few edits of a valid payload: at the JSON level (fields set, removed, retyped) and at the byte level. */
    public static byte[] mutate(Random random, byte[] valid) {
        byte[] bytes = valid;
        if (random.nextInt(3) > 0) {
            JsonNode tree = readTree(valid);
            if (tree instanceof ObjectNode object) {
                for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                    String field = random.nextInt(3) == 0 ? randomText(random, 10) : pick(random, FIELD_NAMES);
                    if (random.nextInt(4) == 0) {
                        object.remove(field);
                    } else {
                        object.set(field, randomJson(random, 0));
                    }
                }
                // A lone surrogate of the random text is written as a JSON escape: the finding's bodies.
                bytes = writeBytes(object);
            }
        }
        if (random.nextInt(3) == 0) {
            bytes = mutateBytes(random, bytes);
        }
        return bytes;
    }

    private static byte[] writeBytes(JsonNode json) {
        try {
            return Payloads.MAPPER.writeValueAsBytes(json);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return Payloads.MAPPER.readTree(json);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static byte[] mutateBytes(Random random, byte[] bytes) {
        byte[] out = bytes.clone();
        int at = random.nextInt(Math.max(1, out.length));
        switch (random.nextInt(6)) {
            case 0 -> out[at] = (byte) random.nextInt(256);
            case 1 -> out = Arrays.copyOf(out, at);
            case 2 -> {
                String structural = "{}[]\",:\\\u0000\u00ff";
                out = insert(out, at, new byte[] {(byte) structural.charAt(random.nextInt(structural.length()))});
            }
            case 3 -> {
                int end = Math.min(out.length, at + random.nextInt(20));
                byte[] shorter = new byte[out.length - (end - at)];
                System.arraycopy(out, 0, shorter, 0, at);
                System.arraycopy(out, end, shorter, at, out.length - end);
                out = shorter;
            }
            case 4 -> out = insert(out, at, pick(random, UNSTORABLE).getBytes(StandardCharsets.US_ASCII));
            default -> {
                byte[] doubled = Arrays.copyOf(out, out.length * 2);
                System.arraycopy(out, 0, doubled, out.length, out.length);
                out = doubled;
            }
        }
        return out;
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        byte[] longer = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, longer, 0, at);
        System.arraycopy(inserted, 0, longer, at, inserted.length);
        System.arraycopy(bytes, at, longer, at + inserted.length, bytes.length - at);
        return longer;
    }

    /** A random JSON value, nested at most a few levels, of the kinds and texts a webhook holds and others. */
    public static JsonNode randomJson(Random random, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        int kind = random.nextInt(depth > 3 ? 8 : 11);
        return switch (kind) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.booleanNode(random.nextBoolean());
            case 2 -> nodes.numberNode(random.nextLong());
            case 3 -> nodes.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(300)));
            case 4 ->
                nodes.textNode(pick(
                        random,
                        "2019-06-20T15:54:25",
                        "2019-06-20T15:54:25.432Z",
                        "PT20.056S",
                        "inbound",
                        "outbound",
                        "wav",
                        "complete",
                        "human",
                        "success",
                        "true",
                        "1",
                        "",
                        " ",
                        "\u0000",
                        "c-1|x",
                        "c-" + "9".repeat(random.nextInt(300))));
            case 5 -> nodes.textNode(pick(random, EVENT_TYPES));
            case 6, 7 -> nodes.textNode(randomText(random, random.nextInt(4) == 0 ? 5_000 : 30));
            case 8 -> {
                ArrayNode array = nodes.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomJson(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = nodes.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(pick(random, FIELD_NAMES), randomJson(random, depth + 1));
                }
                yield object;
            }
        };
    }

    public static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(random.nextInt(10) == 0 ? 70_000 : 300)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Mostly printable ASCII, a fifth any code point of the first three planes (surrogates included). */
    public static String randomText(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            text.appendCodePoint(random.nextInt(5) == 0 ? random.nextInt(0x2FFFF) : 0x20 + random.nextInt(0x5F));
        }
        return text.toString();
    }

    @SafeVarargs
    public static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }
}
