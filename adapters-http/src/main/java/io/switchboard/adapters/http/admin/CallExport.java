package io.switchboard.adapters.http.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.http.json.VoiceEventEncoder;
import io.switchboard.adapters.http.simulator.ReplayFiles;
import io.switchboard.domain.call.CallAnswered;
import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.call.CallEvent;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.entity.EntityInspection;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.TimelineEntry;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Hangup;
import io.switchboard.domain.verb.Prompt;
import io.switchboard.domain.verb.Record;
import io.switchboard.domain.verb.Redirect;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.SpeakSentence;
import io.switchboard.domain.verb.Verb;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call's answered events, exported to be played again: as a replay file (each event's payload as Bandwidth
 * would post it, and the BXML it got) for {@code simulate --replay}, or as a {@code FlowTest} snippet that drives
 * the caller's side offline. Redeliveries are left out: they repeat an event already exported. With masking,
 * every phone number becomes a placeholder, the same one wherever the same number appears (payloads and replies
 * alike), so a flow that branches on the number still takes the same branch.
 */
final class CallExport {
    static final String FORMAT = ReplayFiles.FORMAT;
    /** E.164, as Bandwidth writes every number (a SIP URI's user part too): account and call ids are left alone. */
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+\\d{7,15}");
    /** The test kit's offline API, named, not linked: the service does not depend on the test kit. */
    static final String FLOW_TEST = "io.switchboard.testkit.flow.FlowTest";

    static final String CALL_UNDER_TEST = "io.switchboard.testkit.flow.CallUnderTest";
    /** Longer than this, a sentence is expected by its start only. */
    private static final int SPOKEN_FRAGMENT = 40;

    private final ObjectMapper mapper;
    private final VoiceEventEncoder encoder;
    private final BxmlWriter bxml;

    CallExport(ObjectMapper mapper, BxmlWriter bxml) {
        this.mapper = mapper;
        this.encoder = new VoiceEventEncoder(mapper);
        this.bxml = bxml;
    }

    /** Each distinct number to its placeholder, in the order they were met; or every number kept. */
    private static final class Numbers {
        private final boolean mask;
        private final Map<String, String> placeholders = new LinkedHashMap<>();

        Numbers(boolean mask) {
            this.mask = mask;
        }

        String number(String value) {
            if (!mask || value == null || !PHONE_NUMBER.matcher(value).matches()) {
                return value;
            }
            return placeholders.computeIfAbsent(value, original -> "+1555010%04d".formatted(placeholders.size() + 1));
        }

        /** {@code text} with every number this mask has met replaced, and those it meets now added. */
        String text(String text) {
            if (!mask || text == null) {
                return text;
            }
            Matcher numbers = PHONE_NUMBER.matcher(text);
            StringBuilder masked = new StringBuilder();
            while (numbers.find()) {
                numbers.appendReplacement(masked, Matcher.quoteReplacement(number(numbers.group())));
            }
            return numbers.appendTail(masked).toString();
        }

        void json(JsonNode node) {
            if (node instanceof ObjectNode object) {
                Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (field.getValue().isTextual()) {
                        field.setValue(TextNode.valueOf(text(field.getValue().asText())));
                    } else {
                        json(field.getValue());
                    }
                }
            } else if (node instanceof ArrayNode array) {
                array.forEach(this::json);
            }
        }
    }

    /**
     * The replay file: {@code {"format", "callId", "masked", "events": [{"eventType", "payload", "reply",
     * "origin"}]}}, oldest event first; {@code reply} is the BXML text, or {@code null} for an empty 200.
     */
    byte[] replay(String callId, EntityInspection call, boolean mask) {
        Numbers numbers = new Numbers(mask);
        ObjectNode document = mapper.createObjectNode()
                .put("format", FORMAT)
                .put("callId", callId)
                .put("masked", mask);
        ArrayNode events = document.putArray("events");
        for (TimelineEntry entry : exported(call)) {
            ObjectNode payload = encoder.toJson(entry.event());
            numbers.json(payload);
            ObjectNode event = events.addObject()
                    .put("eventType", entry.event().eventType())
                    .put("origin", entry.reply().origin().name());
            event.set("payload", payload);
            event.put(
                    "reply", numbers.text(entry.reply().bxml().map(bxml::write).orElse(null)));
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a JSON tree could not be written", impossible);
        }
    }

    /**
     * A JUnit test of the caller's side: the call placed, what it heard after each event, the keys it pressed,
     * its hang-up. Events the snippet cannot drive are listed as comments.
     */
    String flowTest(String callId, EntityInspection call, boolean mask) {
        Numbers numbers = new Numbers(mask);
        StringBuilder java = new StringBuilder()
                .append("// Exported from Switchboard: call ")
                .append(mask ? "(numbers masked)" : quoted(callId))
                .append(". Replace YourFlow with the flow under test.\n")
                .append("import ")
                .append(FLOW_TEST)
                .append(";\nimport ")
                .append(CALL_UNDER_TEST)
                .append(";\n\n@Test\nvoid replaysTheRecordedCall() {\n");
        boolean placed = false;
        for (TimelineEntry entry : exported(call)) {
            if (entry.event() instanceof CallInitiated || entry.event() instanceof CallAnswered) {
                if (placed) {
                    continue;
                }
                placed = true;
                CallEvent event = (CallEvent) entry.event();
                java.append("    CallUnderTest call = FlowTest.of(new YourFlow()).")
                        .append(entry.event() instanceof CallInitiated ? "placeInboundCall(" : "placeOutboundCall(")
                        .append(quoted(numbers.number(event.call().from())))
                        .append(", ")
                        .append(quoted(numbers.number(event.call().to())))
                        .append(");\n");
            } else if (!placed) {
                java.append("    // before the call was placed: ")
                        .append(entry.event().eventType())
                        .append('\n');
                continue;
            } else if (entry.event() instanceof GatherCompleted gather) {
                java.append(
                        gather.digits() == null || gather.digits().isEmpty()
                                ? "    call.noInput();\n"
                                : "    call.press(" + quoted(gather.digits()) + ");\n");
            } else if (entry.event() instanceof CallDisconnected) {
                java.append("    call.hangUp();\n");
                continue;
            } else {
                java.append("    // then: ").append(entry.event().eventType()).append('\n');
            }
            entry.reply().bxml().ifPresent(reply -> expectations(java, reply, numbers));
        }
        return java.append("    call.assertNoViolations();\n}\n").toString();
    }

    private static void expectations(StringBuilder java, Response reply, Numbers numbers) {
        for (Verb verb : reply.verbs()) {
            if (verb instanceof SpeakSentence speech) {
                java.append("    call.expectSpeaks(")
                        .append(quoted(fragment(numbers.text(speech.text()))))
                        .append(");\n");
            } else if (verb instanceof Gather gather) {
                for (Prompt prompt : gather.prompts()) {
                    if (prompt instanceof SpeakSentence speech) {
                        java.append("    call.expectSpeaks(")
                                .append(quoted(fragment(numbers.text(speech.text()))))
                                .append(");\n");
                    }
                }
                java.append("    call.expectGather();\n");
            } else if (verb instanceof Record) {
                java.append("    call.expectRecord();\n");
            } else if (verb instanceof Redirect) {
                java.append("    call.expectRedirect();\n");
            } else if (verb instanceof Hangup) {
                java.append("    call.expectHangup();\n");
            } else {
                java.append("    // the reply's <")
                        .append(verb.getClass().getSimpleName())
                        .append(">\n");
            }
        }
    }

    private static List<TimelineEntry> exported(EntityInspection call) {
        return call.timeline().stream()
                .filter(entry -> entry.answered() && entry.reply().origin() != ReplyOrigin.REDELIVERY)
                .toList();
    }

    private static String fragment(String text) {
        return text.length() <= SPOKEN_FRAGMENT ? text : text.substring(0, SPOKEN_FRAGMENT);
    }

    /** A Java string literal. */
    private static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder literal = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                default -> {
                    if (c < 0x20) {
                        literal.append("\\u%04x".formatted((int) c));
                    } else {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('"').toString();
    }
}
