package io.switchboard.adapters.http.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.adapters.bxml.BxmlReader;
import io.switchboard.adapters.http.json.VoiceEventDecoder;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.testkit.simulator.RecordedCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a replay file, as the console exports it ({@code "format": "switchboard-replay/1"}: each event's payload
 * as Bandwidth posted it, and the BXML it got), into a {@link RecordedCall} whose events carry a fresh call id, so
 * that the service takes them as a new call rather than redeliveries of the recorded one.
 */
public final class ReplayFiles {
    public static final String FORMAT = "switchboard-replay/1";

    private final ObjectMapper mapper;
    private final VoiceEventDecoder decoder;
    private final BxmlReader bxml;

    public ReplayFiles(ObjectMapper mapper, BxmlReader bxml) {
        this.mapper = mapper;
        this.decoder = new VoiceEventDecoder(mapper);
        this.bxml = bxml;
    }

    /**
     * @param json       the file's content
     * @param freshCallId the id the replayed events carry instead of the recorded one
     * @throws IllegalArgumentException when the file is not a replay file, naming what is wrong
     */
    public RecordedCall read(byte[] json, String freshCallId) throws IOException {
        JsonNode document = mapper.readTree(json);
        if (document == null || !FORMAT.equals(document.path("format").asText())) {
            throw new IllegalArgumentException("not a replay file: its \"format\" must be \"" + FORMAT + "\"");
        }
        String recordedId = document.path("callId").asText();
        List<RecordedCall.Exchange> exchanges = new ArrayList<>();
        int index = 0;
        for (JsonNode recorded : document.path("events")) {
            index++;
            if (!(recorded.path("payload") instanceof ObjectNode payload)) {
                throw new IllegalArgumentException("event " + index + " has no \"payload\" object");
            }
            if (payload.path("callId").asText().equals(recordedId)) {
                payload.put("callId", freshCallId);
            }
            String position = "event " + index;
            VoiceEvent event = decoder.decode(mapper.writeValueAsBytes(payload))
                    .event()
                    .orElseThrow(
                            () -> new IllegalArgumentException(position + " names neither a call nor a conference"));
            JsonNode reply = recorded.path("reply");
            exchanges.add(new RecordedCall.Exchange(
                    event,
                    reply.isTextual() ? bxml.read(reply.asText()) : null,
                    recorded.path("origin").asText("FLOW")));
        }
        return new RecordedCall(freshCallId, exchanges);
    }
}
