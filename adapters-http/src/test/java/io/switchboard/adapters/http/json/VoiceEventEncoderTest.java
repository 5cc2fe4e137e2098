package io.switchboard.adapters.http.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.RecordingAvailable;
import io.switchboard.domain.call.TranscriptionAvailable;
import io.switchboard.domain.call.TransferAnswered;
import io.switchboard.domain.call.TransferCompleted;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceMemberJoined;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VoiceEventEncoderTest {
    private static final ObjectMapper mapper = WebhookObjectMapper.create();
    private static final VoiceEventEncoder encoder = new VoiceEventEncoder(mapper);
    private static final VoiceEventDecoder decoder = new VoiceEventDecoder(mapper);

    @Test
    void everyKindDecodesBackToAnEqualEventWhereverThisVersionDecodesItsType() {
        Set<String> roundTripped = new HashSet<>();
        for (VoiceEvent event : WireSamples.everyKind()) {
            byte[] body = encoder.encode(event);
            DecodedWebhook decoded = decoder.decode(body);
            assertEquals(event.eventType(), decoded.eventType(), new String(body));
            decoded.event().ifPresent(back -> {
                assertEquals(event, back, new String(body));
                roundTripped.add(event.eventType());
            });
        }
        Set<String> channelTypes = Arrays.stream(VoiceChannel.values())
                .map(channel -> channel.eventTypes().get(channel.eventTypes().size() == 1 ? 0 : 1))
                .collect(Collectors.toSet());
        assertTrue(
                roundTripped.containsAll(channelTypes), "round-tripped " + roundTripped + ", channels " + channelTypes);
    }

    @Test
    void eachChannelTakesWhatTheEncoderWritesForIt() {
        for (VoiceEvent event : WireSamples.everyKind()) {
            VoiceChannel.forEventType(event.eventType())
                    .ifPresent(channel ->
                            assertEquals(event, decoder.decode(channel, encoder.encode(event)), channel.path()));
        }
    }

    @Test
    void writesTheLivePlatformsFieldNamesAndLeavesAbsentOnesOut() {
        JsonNode initiate = json(CallInitiated.class);
        assertEquals("inbound", initiate.get("direction").asText());
        assertEquals("2026-11-25T10:00:00Z", initiate.get("startTime").asText());
        assertFalse(
                initiate.has("answerTime") || initiate.has("tag") || initiate.has("parentCallId"), initiate.toString());

        JsonNode bLeg = json(TransferAnswered.class);
        assertEquals("c-a-leg", bLeg.get("parentCallId").asText());
        assertFalse(bLeg.has("transferCallId"), "the contract's name is not what the platform sends");
        assertEquals("+15557778888", bLeg.get("transferTo").asText());

        JsonNode completed = json(TransferCompleted.class);
        assertEquals(
                List.of("timeout", "+15553334444", "+15557778888"),
                List.of(
                        completed.get("cause").asText(),
                        completed.get("transferCallerId").asText(),
                        completed.get("transferTo").asText()));

        JsonNode available = json(RecordingAvailable.class);
        assertEquals("complete", available.get("status").asText());
        assertEquals("PT20.056S", available.get("duration").asText());
        assertEquals("mp3", available.get("fileFormat").asText());
        assertEquals(2, available.get("channels").asInt());

        JsonNode transcription = json(TranscriptionAvailable.class);
        assertEquals("t-1", transcription.get("transcription").get("id").asText());
        assertFalse(transcription.has("transcriptionId"), "the live platform nests the transcription");

        JsonNode joined = json(ConferenceMemberJoined.class);
        assertEquals(
                List.of("conf-1", "sales", "c-a-leg", "+15552223333"),
                List.of(
                        joined.get("conferenceId").asText(),
                        joined.get("name").asText(),
                        joined.get("callId").asText(),
                        joined.get("from").asText()));
        assertFalse(joined.has("accountId") || joined.has("direction"), joined.toString());
    }

    private static JsonNode json(Class<? extends VoiceEvent> kind) {
        VoiceEvent event = WireSamples.everyKind().stream()
                .filter(kind::isInstance)
                .findFirst()
                .orElseThrow();
        return encoder.toJson(event);
    }
}
